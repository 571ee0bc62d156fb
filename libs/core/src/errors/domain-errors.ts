/**
 * Errors that carry a message meant for people. The global filter maps each kind to its HTTP status;
 * anything else becomes a 500 whose details are logged, never shown.
 */
export abstract class DomainError extends Error {
  abstract readonly statusCode: number;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly statusCode = 404;
}

export class ConflictError extends DomainError {
  readonly statusCode = 409;
}

/** Not signed in (or the session ended). Pages answer it with a redirect to the sign-in page. */
export class UnauthenticatedError extends DomainError {
  readonly statusCode = 401;
}

/** Input that is malformed in a way a DTO cannot express (a bad token, a forged `state`). */
export class BadRequestError extends DomainError {
  readonly statusCode = 400;
}

/** Too many attempts in a window (sign-in links, comments). */
export class TooManyRequestsError extends DomainError {
  readonly statusCode = 429;
}

export class ForbiddenError extends DomainError {
  readonly statusCode = 403;
}

/** Well-formed input that breaks a business rule (the DTO passed, the request still cannot be done). */
export class ValidationError extends DomainError {
  readonly statusCode = 422;
}

/** A MongoDB duplicate-key error (code 11000), as raised by both MongoDB and FerretDB. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
