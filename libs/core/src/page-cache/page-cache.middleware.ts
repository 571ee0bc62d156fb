import { httpDate } from '../format/dates';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { PageCache } from './page-cache.service';

/** Set by `@PublicPage()` on a route whose page is the same for every visitor. */
export const PUBLIC_PAGE = 'publicPage';
/** Browsers revalidate every time (cheap: a 304 from memory); shared caches (a CDN) keep a page a minute. */
const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, must-revalidate';

/**
 * Serves public pages to visitors from the page cache, and caches the pages of `@PublicPage()` routes
 * as they are rendered. Only requests without any cookie count as visitors (a session means the page
 * may be personal), and a response that started a session (a form's CSRF token) is never cached.
 * Runs before the session middleware, so a hit costs neither a session nor a database read.
 */
export function pageCacheMiddleware(cache: PageCache): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!cache.enabled || (req.method !== 'GET' && req.method !== 'HEAD') || req.headers.cookie) {
      return next();
    }
    const url = req.originalUrl;
    if (!cache.has(url)) {
      // Not cached (most requests): no version read; the page is stored under the version known now.
      captureOnSend(req, res, cache, url, cache.knownVersion);
      return next();
    }
    cache
      .currentVersion()
      .then((version) => {
        const hit = cache.get(url, version);
        if (hit) {
          res.setHeader('Content-Type', hit.contentType);
          setValidators(res, hit.etag, hit.renderedAt);
          res.setHeader('X-Page-Cache', 'hit');
          return req.fresh ? void res.status(304).end() : void res.status(200).send(hit.body);
        }
        captureOnSend(req, res, cache, url, version);
        next();
      })
      // The version cannot be read (the database is down): the route answers as it would uncached.
      .catch(() => next());
  };
}

function setValidators(res: Response, etag: string, renderedAt: Date): void {
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', httpDate(renderedAt));
  res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL);
  res.setHeader('Vary', 'Cookie');
}

/** Wraps `res.send` for this request: a public page's 200 answer is stored before it goes out. */
function captureOnSend(req: Request, res: Response, cache: PageCache, url: string, version: string): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    res.send = send;
    if (
      res.locals[PUBLIC_PAGE] === true &&
      res.statusCode === 200 &&
      (typeof body === 'string' || Buffer.isBuffer(body)) &&
      !startedSession(req, res)
    ) {
      const contentType = String(res.getHeader('Content-Type') ?? 'text/html; charset=utf-8');
      const page = cache.set(url, { body: Buffer.from(body), contentType, renderedAt: new Date(), version });
      setValidators(res, page.etag, page.renderedAt);
      res.setHeader('X-Page-Cache', 'miss');
      if (req.fresh) {
        return res.status(304).end();
      }
    }
    return send(body);
  };
}

/** A page that put something into a new session (a CSRF token for its form) is that visitor's own. */
function startedSession(req: Request, res: Response): boolean {
  const session = (req as Request & { session?: Record<string, unknown> }).session;
  const data = session ? Object.keys(session).filter((key) => key !== 'cookie') : [];
  return data.length > 0 || res.getHeader('Set-Cookie') !== undefined;
}
