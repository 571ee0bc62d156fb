import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { join } from 'node:path';
import { coreAssetsDir } from '../project-root';

/** The brand changes rarely: a browser may keep its images a day before asking again. */
const BRAND_MAX_AGE = '1d';

/** The wordmark, favicons and share image (the layout and the share tags name them). */
export function brandAssetsDir(): string {
  return join(coreAssetsDir(), 'brand');
}

/**
 * The brand images as static files: `/brand/<name>`, and `/favicon.ico` at the root where browsers
 * ask for it unprompted, each with a day's caching, an ETag and Last-Modified. express.static keeps
 * every request inside the folder.
 */
export function serveBrandFiles(app: NestExpressApplication): void {
  const options = {
    maxAge: BRAND_MAX_AGE,
    index: false,
    // The type browsers and the favicon's link expect (the MIME database's first choice is Microsoft's).
    setHeaders: (res: Response, path: string) => {
      if (path.endsWith('.ico')) {
        res.setHeader('Content-Type', 'image/x-icon');
      }
    },
  };
  app.useStaticAssets(brandAssetsDir(), { prefix: '/brand/', ...options });
  const files = express.static(brandAssetsDir(), options);
  // Only that one name at the root, so no other request is looked up on disk.
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.path === '/favicon.ico' ? files(req, res, next) : next(),
  );
}
