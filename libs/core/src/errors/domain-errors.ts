/** A link the error page offers as the way on, e.g. `{ href: '/membership', text: 'See the tiers' }`. */
export interface NextStep {
  href: string;
  text: string;
}

/**
 * Errors that carry a message meant for people. The global filter maps each kind to its HTTP status;
 * anything else becomes a 500 whose details are logged, never shown.
 */
export abstract class DomainError extends Error {
  abstract readonly statusCode: number;
  /** `next`: where the person can go from here (a refused member: the tiers that include it). */
  constructor(
    message: string,
    readonly next?: NextStep,
  ) {
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

/**
 * A unique-index violation. MongoDB, and FerretDB on insert, answer code 11000; FerretDB v1.24
 * answers an *update* that breaks a unique index with a generic error (code 1) whose message carries
 * its backend's: SQLite's "UNIQUE constraint failed", PostgreSQL's "duplicate key value violates unique
 * constraint ... (SQLSTATE 23505)" (both measured here), so all are recognised.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const { code, message } = error as { code?: unknown; message?: unknown };
  // FerretDB v1 reports a unique index violated by an update as its backend's error, without code 11000:
  // SQLite's "UNIQUE constraint failed", PostgreSQL's SQLSTATE 23505 (unique_violation).
  return (
    code === 11000 ||
    (typeof message === 'string' &&
      (message.includes('UNIQUE constraint failed') || message.includes('(SQLSTATE 23505)')))
  );
}

/**
 * The database failed (unreachable, timed out, an answer the driver could not read): the request
 * cannot be answered now, which is neither "not found" nor "not allowed". Duplicate keys are not
 * failures (repositories turn them into outcomes before they get here).
 */
export function isDatabaseFailure(error: unknown): boolean {
  if (!(error instanceof Error) || isDuplicateKeyError(error)) {
    return false;
  }
  if (/^Mongo[A-Za-z]*Error$/.test(error.name) || /^Mongoose(ServerSelection)?Error$/.test(error.name)) {
    // Plain MongooseErrors are database failures only when an operation could not reach the server.
    return error.name !== 'MongooseError' || /buffering timed out|not connected|client was closed/i.test(error.message);
  }
  return false;
}
