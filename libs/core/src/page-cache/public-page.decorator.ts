import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { PUBLIC_PAGE } from './page-cache.middleware';

/**
 * Marks the response as a public page (the page cache may keep it for visitors); for a signed-in
 * request it says the opposite to shared caches, since the page may then be personal.
 */
@Injectable()
export class PublicPageInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    if (req.headers.cookie) {
      res.setHeader('Cache-Control', 'private, no-cache');
      res.setHeader('Vary', 'Cookie');
    } else {
      res.locals[PUBLIC_PAGE] = true;
    }
    return next.handle();
  }
}

/**
 * A page that is the same for every visitor without a session (the blog's home, posts, lists, feed):
 * visitors get it from the page cache, with ETag, Last-Modified and Cache-Control. Whatever writes the
 * data such a page shows must call `PageCache.invalidate()`.
 */
export const PublicPage = () => applyDecorators(UseInterceptors(PublicPageInterceptor));
