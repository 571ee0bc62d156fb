import { createParamDecorator, type ExecutionContext, type Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { fieldErrorsFrom } from '../forms/field-errors';
import type { FieldErrors } from '../forms/form-outcome';

/**
 * A query string read through a DTO: `value` holds the known keys whose values passed the DTO's
 * rules; `ignored` names each known key whose value did not, with the DTO's message, so a list page
 * can say "showing every tier: 'gold' is not a tier" instead of failing.
 */
export interface ParsedQuery<T> {
  readonly value: T;
  readonly ignored: FieldErrors;
}

/**
 * Reads a query string through a DTO. Unlike a body, a query string is a link anyone can edit or
 * keep from an older version of a page, so it is forgiving: keys the DTO does not declare are
 * dropped silently; a declared key whose value breaks a rule (a repeated key, `state[$ne]=`, a
 * word that is not a choice) is dropped and reported in `ignored`. Nothing reaches a query that
 * the DTO did not check.
 */
export function parseQuery<T extends object>(type: Type<T>, raw: unknown): ParsedQuery<T> {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  // Only own, declared keys are read; class-transformer never sees `__proto__` and the like.
  const value = plainToInstance(type, { ...source }, { excludeExtraneousValues: false });
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: false });
  const ignored = fieldErrorsFrom(errors);
  for (const error of errors) {
    delete (value as Record<string, unknown>)[error.property];
    // A property's default (such as the page size) comes back once its refused value is gone.
    const fallback = (new type() as Record<string, unknown>)[error.property];
    if (fallback !== undefined) {
      (value as Record<string, unknown>)[error.property] = fallback;
    }
  }
  return { value, ignored };
}

/**
 * The handler's query string read through `type` (see `parseQuery`). A custom parameter, so the
 * global ValidationPipe, which refuses unknown keys of bodies, leaves it alone:
 * `list(@ListQuery(MembersQuery) query: ParsedQuery<MembersQuery>)`.
 */
export const ListQuery = <T extends object>(type: Type<T>) =>
  createParamDecorator((_: unknown, context: ExecutionContext) =>
    parseQuery(type, context.switchToHttp().getRequest<{ query: unknown }>().query),
  )();
