import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Answers a request from memory, synchronously, or declines (false) and the request goes on its way.
 * It must set every header its route would (the security headers are already set) and decline
 * whatever it is not sure about: anything with a cookie, a query or a body.
 */
export type EarlyAnswer = (req: Request, res: Response) => boolean;

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
    return (req: Request, res: Response, next: NextFunction) => {
      for (const handler of this.handlers) {
        if (handler(req, res)) {
          return;
        }
      }
      next();
    };
  }
}
