import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Answers a request from memory, or declines (false) and the request goes on its way. It may first
 * wait for one small read (a promise: e.g. a shared version, to know that what it keeps is current)
 * and must not touch `res` before it decides. It must set every header its route would (the security
 * headers are already set) and decline whatever it is not sure about: anything with a cookie, a
 * query or a body.
 */
export type EarlyAnswer = (req: Request, res: Response) => boolean | Promise<boolean>;

/**
 * Pages a feature can answer before sessions, body parsing and routing, like the public page cache but
 * for pages that are personal and never stored (the survey link's page, kept for a second per link):
 * a feature registers its handler at start-up, and `configureHttpApp` runs them right after the page
 * cache. A request no handler answers costs one check per handler.
 */
@Injectable()
export class EarlyAnswers {
  private readonly handlers: EarlyAnswer[] = [];

  register(handler: EarlyAnswer): void {
    this.handlers.push(handler);
  }

  middleware(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => this.ask(req, res, next, 0);
  }

  /**
   * Asks the handlers from `from` on, in order, and calls `next` if none answers. Synchronous answers
   * stay synchronous; a handler that fails answers nothing (the request takes the full way).
   */
  private ask(req: Request, res: Response, next: NextFunction, from: number): void {
    for (let k = from; k < this.handlers.length; k++) {
      const answered = this.handlers[k](req, res);
      if (answered === true) {
        return;
      }
      if (answered !== false) {
        answered.then(
          (yes) => (yes ? undefined : this.ask(req, res, next, k + 1)),
          () => this.ask(req, res, next, k + 1),
        );
        return;
      }
    }
    next();
  }
}
