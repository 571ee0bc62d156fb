import type { NextFunction, Request, Response } from 'express';

/** The methods the app's routes take: pages and the API read with GET (and HEAD) and act with POST. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const;

/**
 * Answers any other method (TRACE, PUT, DELETE, OPTIONS, ...) with 405 and the `Allow` header, before
 * sessions and the CSRF check: no route takes them, so a refused CSRF token would be the wrong reason.
 */
export function knownMethodsOnly(req: Request, res: Response, next: NextFunction): void {
  if ((ALLOWED_METHODS as readonly string[]).includes(req.method)) {
    return next();
  }
  const path = req.originalUrl ?? req.url;
  res.setHeader('Allow', ALLOWED_METHODS.join(', '));
  res.status(405).json({ statusCode: 405, message: 'Method Not Allowed', path });
}
