import type { Response } from 'express';
import type { PageResult } from './response-pages.service';

/**
 * Sends a response page's result. Answers are personal: never stored by a browser or a proxy cache,
 * never indexed.
 */
export function sendPage(res: Response, result: PageResult): void {
  res.set('Cache-Control', 'no-store');
  res.set('X-Robots-Tag', 'noindex');
  if (result.kind === 'redirect') {
    res.redirect(303, result.to);
  } else {
    res.status(result.status).render(result.template, result.model);
  }
}

/** Which one-time notice the query asks for, after a save or a submit redirected back. */
export function noticeParam(query: Record<string, unknown>): string | undefined {
  return ['saved', 'done', 'updated'].find((name) => query[name] === '1');
}
