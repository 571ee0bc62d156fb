import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { InvalidInputError } from '../forms/invalid-input.error';
import type { FieldErrors } from '../forms/form-outcome';
import { DomainError, isDatabaseFailure, type NextStep } from './domain-errors';

/** Seconds a client is asked to wait after the database failed (503). */
export const RETRY_AFTER_SECONDS = 30;

export interface ErrorBody {
  statusCode: number;
  message: string | string[];
  path: string;
  /** For a refused body: a message per field, keyed by the field's name. */
  errors?: FieldErrors;
  errorId?: string;
  /** Where to go from here (the page shows it as a link; a client can follow it). */
  next?: NextStep;
}

/**
 * The one place errors become responses: `{ statusCode, message, path }` for the API and for clients
 * that do not ask for HTML, a friendly page for people. Messages of unknown errors (database, Stripe,
 * SMTP) are never echoed: the person gets an error id, the log gets the stack. A failed database is
 * a 503 with Retry-After, never a sign-out, a 403 or a 404: nothing was found missing or refused.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, request.originalUrl ?? request.url);

    if (response.headersSent) {
      return;
    }
    if (body.statusCode === 503) {
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    }
    if (wantsHtml(request) && body.statusCode === 401 && request.method === 'GET') {
      // A person who must sign in goes to the sign-in page (the auth lib's), and comes back here after.
      response.redirect(303, `/sign-in?returnTo=${encodeURIComponent(request.originalUrl ?? request.url)}`);
      return;
    }
    if (wantsHtml(request)) {
      // A page's form that is not a `@FormPage` still answers a refused body as a page would: 422.
      if (body.errors) {
        body.statusCode = 422;
      }
      // No route matched: a page says so in the site's words, not the framework's "Cannot GET /x"
      // (the JSON answer keeps it, as API clients read it).
      const unrouted =
        body.statusCode === 404 && typeof body.message === 'string' && /^Cannot [A-Z]+ /.test(body.message);
      const shown = unrouted ? { ...body, message: NO_SUCH_PAGE } : body;
      response.status(body.statusCode).render('error', { error: shown, title: titleFor(body.statusCode) });
    } else {
      response.status(body.statusCode).json(body);
    }
  }

  private toBody(exception: unknown, path: string): ErrorBody {
    if (exception instanceof InvalidInputError) {
      return { statusCode: exception.statusCode, message: exception.message, errors: exception.errors, path };
    }
    if (exception instanceof DomainError) {
      const { statusCode, message, next } = exception;
      return next ? { statusCode, message, path, next } : { statusCode, message, path };
    }
    // Express body-parser errors arrive wrapped in an HttpException whose cause says what went wrong.
    const clientError = asClientError(exception instanceof HttpException ? exception.cause : exception);
    if (clientError) {
      return { statusCode: clientError.status, message: clientError.message, path };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'object' && payload !== null && 'message' in payload
          ? (payload as { message: string | string[] }).message
          : exception.message;
      return { statusCode: status, message, path };
    }
    const errorId = randomUUID();
    const stack = exception instanceof Error ? exception.stack : String(exception);
    if (isDatabaseFailure(exception)) {
      this.logger.error(`Database failure ${errorId} on ${path}`, stack);
      return {
        statusCode: 503,
        message: 'The council site cannot reach its database just now. Please try again in a minute.',
        path,
        errorId,
      };
    }
    this.logger.error(`Unhandled error ${errorId} on ${path}`, stack);
    return { statusCode: 500, message: 'Something went wrong on our side. Please try again.', path, errorId };
  }
}

/** Errors from Express middleware (body-parser, CSRF) that are marked safe to show (`expose`). */
function asClientError(exception: unknown): { status: number; message: string } | null {
  if (typeof exception !== 'object' || exception === null) {
    return null;
  }
  const { status, expose, type, message } = exception as {
    status?: number;
    expose?: boolean;
    type?: string;
    message?: string;
  };
  if (typeof status !== 'number' || status < 400 || status >= 500 || expose !== true) {
    return null;
  }
  const messages: Record<string, string> = {
    'entity.too.large': 'The request is too large.',
    'entity.parse.failed': 'The request body is not valid JSON.',
    'charset.unsupported': 'The request uses an unsupported character set.',
    'encoding.unsupported': 'The request uses an unsupported content encoding.',
    'parameters.too.many': 'The form has too many fields.',
    'request.size.invalid': 'The request’s length does not match its body.',
  };
  // Other exposable http-errors (CSRF's) carry a message written for people.
  return { status, message: messages[type ?? ''] ?? message ?? 'The request could not be read.' };
}

const NO_SUCH_PAGE =
  'There is no page at this address. The link may be mistyped, or the page may have moved or been taken down.';

/** Pages get HTML; `/api`, feeds and programmatic clients get JSON. */
function wantsHtml(request: Request): boolean {
  const path = request.originalUrl ?? request.url;
  if (path.startsWith('/api') || path.startsWith('/health')) {
    return false;
  }
  return request.accepts(['json', 'html']) === 'html';
}

function titleFor(status: number): string {
  const titles: Record<number, string> = {
    400: 'That request did not look right',
    401: 'Please sign in',
    403: 'You do not have access to this page',
    404: 'Page not found',
    409: 'That conflicts with something that already exists',
    413: 'That was too large',
    415: 'That request was not a form',
    422: 'That could not be done',
    429: 'Too many attempts',
  };
  if (status === 503) {
    return 'The site is briefly unavailable';
  }
  return titles[status] ?? (status >= 500 ? 'Something went wrong' : 'That did not work');
}
