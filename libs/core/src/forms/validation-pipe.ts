import { Type, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldErrorsFrom } from './field-errors';
import { InvalidInputError } from './invalid-input.error';

/**
 * The one ValidationPipe of every app: DTOs say what a body may hold; fields a DTO does not declare
 * are refused, not silently dropped; a refusal names each field (`InvalidInputError`).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...RULES,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInputError(fieldErrorsFrom(errors)),
  });
}

const RULES = { whitelist: true, forbidNonWhitelisted: true };

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
