import { ArgumentMetadata, HttpException, Type, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError } from '../errors/domain-errors';
import { fieldErrorsFrom } from './field-errors';
import { InvalidInputError } from './invalid-input.error';

/**
 * The one ValidationPipe of every app: DTOs say what a body may hold; fields a DTO does not declare
 * are refused, not silently dropped; a refusal names each field (`InvalidInputError`).
 */
export function createValidationPipe(): ValidationPipe {
  return new BodyValidationPipe({
    ...RULES,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInputError(fieldErrorsFrom(errors)),
  });
}

const RULES = { whitelist: true, forbidNonWhitelisted: true };

/** A body that validation itself could not walk: the client's doing, so a 400, never a crash. */
export class UnreadableBodyError extends DomainError {
  readonly statusCode = 400;
}

/**
 * The body parsers keep what reaches validation flat or shallow, but class-transformer and
 * class-validator recurse and call a value's own methods, so a shape they choke on (a stack overflow, a
 * value that cannot become a string) must still be the client's 400, not our 500.
 */
class BodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof HttpException || error instanceof DomainError) {
        throw error;
      }
      throw new UnreadableBodyError('The request could not be read: its fields are not shaped as this form expects.');
    }
  }
}

/**
 * Checks a body against a DTO exactly as the pipe does, for specs of a DTO's rules:
 * `expect((await checkBody(ProfileDto, body)).errors).toEqual({ title: 'Please enter…' })`.
 */
export async function checkBody<T extends object>(
  type: Type<T>,
  body: object,
): Promise<{ value: T; errors: ReturnType<typeof fieldErrorsFrom> }> {
  const value = plainToInstance(type, body);
  return { value, errors: fieldErrorsFrom(await validate(value, RULES)) };
}
