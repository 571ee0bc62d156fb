import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Largest JSON or form body we accept; a bigger one is a 413 with a readable message. */
export const MAX_BODY_BYTES = 100 * 1024;

/**
 * Deepest JSON the API reads. Validation (class-transformer) walks a body recursively, so a small body
 * nested thousands deep would overflow the stack; no request of ours nests past a handful of levels,
 * and a Stripe event stays well inside this too.
 */
export const MAX_JSON_DEPTH = 32;

/** Most fields a form may send (a survey's answers are the largest: ~20 items, each ticked and ranked). */
export const MAX_FORM_FIELDS = 200;

/** Where JSON is read: the JSON API, and Stripe's webhook (which also keeps the raw bytes it signed). */
const JSON_PATHS = [/^\/api(\/|$)/, /^\/webhooks\/stripe(\/|\?|$)/];

/**
 * The media types a route reads. Pages take forms (multipart only where they upload: the upload
 * interceptor reads it, with its own limits); the API and the webhook take JSON. Anything else would
 * reach validation unparsed, or (JSON on a page's form) nested as deep as a client likes.
 */
export function acceptedBodyTypes(path: string): string[] {
  return JSON_PATHS.some((pattern) => pattern.test(path))
    ? ['application/json', 'application/x-www-form-urlencoded']
    : ['application/x-www-form-urlencoded', 'multipart/form-data'];
}

/** True when `value` nests arrays and objects deeper than `max`; iterative, so any depth is safe to check. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next.value !== 'object' || next.value === null) {
      continue;
    }
    if (next.depth + 1 > max) {
      return true;
    }
    for (const child of Object.values(next.value)) {
      pending.push({ value: child, depth: next.depth + 1 });
    }
  }
  return false;
}

/** True when any string in `value` (any depth, keys too) contains NUL; iterative. */
export function holdsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (next.includes('\u0000')) {
        return true;
      }
    } else if (typeof next === 'object' && next !== null) {
      for (const [key, child] of Object.entries(next)) {
        pending.push(key, child);
      }
    }
  }
  return false;
}

/** An error Express middleware passes on, shown to the client by the error filter (it is `expose`d). */
function clientError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: true, type });
}

/**
 * The body rules of every HTTP app: a route's body must be of a type it reads (415 otherwise, before
 * anything is read), at most `MAX_BODY_BYTES` (413), JSON at most `MAX_JSON_DEPTH` deep (400), forms
 * flat (`extended: false`: `a[b]=1` is the field "a[b]", never an object) with at most
 * `MAX_FORM_FIELDS` fields (413), and no NUL in the address, the query or the body (400).
 */
export function useRequestBodyRules(app: NestExpressApplication): void {
  app.use(function bodyTypeGuard(request: Request, _response: Response, next: NextFunction) {
    const accepted = acceptedBodyTypes(request.path);
    // `is` answers null for a request without a body, false for one of a type not listed. A body of
    // zero bytes counts as a body there (Content-Length: 0), but it holds nothing to refuse: a POST
    // of a button with no fields, or an API client's bare POST, goes on to CSRF and the route.
    const empty = request.headers['content-length'] === '0' && request.headers['transfer-encoding'] === undefined;
    if (!empty && request.is(accepted) === false) {
      const sent = request.headers['content-type'] ?? 'no content type';
      return next(
        clientError(
          415,
          'content.type.unsupported',
          accepted.includes('application/json')
            ? `This address takes JSON (application/json), not ${sent}.`
            : `This address takes a form (application/x-www-form-urlencoded or multipart/form-data), not ${sent}.`,
        ),
      );
    }
    next();
  });
  app.useBodyParser('json', { limit: MAX_BODY_BYTES });
  app.use(function jsonDepthGuard(request: Request, _response: Response, next: NextFunction) {
    if (request.is('application/json') && nestedDeeperThan(request.body, MAX_JSON_DEPTH)) {
      return next(clientError(400, 'entity.too.deep', 'The request body is nested too deeply.'));
    }
    next();
  });
  app.useBodyParser('urlencoded', {
    limit: MAX_BODY_BYTES,
    extended: false,
    parameterLimit: MAX_FORM_FIELDS,
  });
  // No field of ours holds NUL, and the embedded database refuses it in any query or document
  // (FerretDB on PostgreSQL: a 503 for what is the client's mistake), so it stops here.
  app.use(function nulGuard(request: Request, _response: Response, next: NextFunction) {
    if (/%00/.test(request.originalUrl) || holdsNul(request.body) || holdsNul(request.query)) {
      return next(clientError(400, 'entity.nul', 'The request contains a NUL character, which no field may hold.'));
    }
    next();
  });
}
