import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, mergeMap, Observable } from 'rxjs';

/** Where a page moved to, in the shape `@Redirect()` handlers return. */
export interface Moved {
  url: string;
  statusCode: 301;
}

export const moved = (url: string): Moved => ({ url, statusCode: 301 });

const isMoved = (value: unknown): value is Moved =>
  typeof (value as Moved | null)?.url === 'string' && (value as Moved).statusCode === 301;

const VIEW = 'roundtable:blog-page-view';

/**
 * A public page that may live at another address (an old slug, a label typed in capitals). The
 * handler returns the page's model, rendered with `view`, or `moved(url)` for a 301 there. Nest's
 * `@Render` and `@Redirect` each answer one way only, and a handler of a page that may have moved
 * needs both without touching `@Res()`.
 */
export function PageOrMoved(view: string): MethodDecorator {
  return applyDecorators(SetMetadata(VIEW, view), UseInterceptors(PageOrMovedInterceptor));
}

@Injectable()
export class PageOrMovedInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const view = this.reflector.get<string>(VIEW, context.getHandler());
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      mergeMap((result: unknown) => {
        if (isMoved(result)) {
          response.status(result.statusCode).location(result.url).type('text/plain');
          return from(Promise.resolve(`Moved Permanently: ${result.url}`));
        }
        return from(
          new Promise<string>((resolve, reject) =>
            response.render(view, { ...(result as object) }, (error: Error | null, html: string) =>
              error ? reject(error) : resolve(html),
            ),
          ),
        );
      }),
    );
  }
}
