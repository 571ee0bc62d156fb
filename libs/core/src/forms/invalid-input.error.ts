import { DomainError } from '../errors/domain-errors';
import type { FieldErrors } from './form-outcome';

/**
 * A body the DTO refused (unknown field, wrong type, too long, not one of the choices), with a
 * message per field. JSON clients get 400 `{ statusCode, message, errors }`; a form page shows
 * itself again with 422 (see `@FormPage()`).
 */
export class InvalidInputError extends DomainError {
  readonly statusCode = 400;

  constructor(readonly errors: FieldErrors) {
    super(`Please check these fields: ${Object.keys(errors).join(', ')}.`);
  }
}
