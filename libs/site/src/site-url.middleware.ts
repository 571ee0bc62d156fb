import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { NextFunction, Request, Response } from 'express';
import { appConfig } from '@roundtable/core';

/** Gives every page the site's public address, for absolute URLs in share tags (og:image, og:url). */
@Injectable()
export class SiteUrlMiddleware implements NestMiddleware {
  constructor(@Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>) {}

  use(_req: Request, res: Response, next: NextFunction): void {
    res.locals.siteUrl = this.app.baseUrl;
    next();
  }
}
