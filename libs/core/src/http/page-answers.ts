import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, mergeMap, Observable, of } from 'rxjs';
import { KeptRenderings, type ViewerLocals } from '../views/kept-pages';

const STATUS_TEXT: Record<number, string> = { 301: 'Moved Permanently', 303: 'See Other' };

/**
 * Renders `view` with `model` to HTML for Nest to send (with the status already set). The three page
 * decorators (`@PageOrAnswer`, `@FormPage`, the survey link's `@SurveyPage`) all answer through this
 * and `sendRedirect`.
 */
export function renderView(response: Response, view: string, model: object): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    response.render(view, { ...model }, (error: Error | null, html: string) => (error ? reject(error) : resolve(html)));
  });
}

/** Sets a redirect's status and Location; returns the short body Nest sends with it. */
export function sendRedirect(response: Response, status: 301 | 303, to: string): string {
  response.status(status).location(to).type('text/plain');
  return `${STATUS_TEXT[status]}: ${to}`;
}

const ANSWER = Symbol('page answer');

/** What a `@PageOrAnswer` handler returns instead of its page's model. */
export type PageAnswer =
  | { [ANSWER]: true; kind: 'redirect'; status: 301 | 303; to: string }
  | { [ANSWER]: true; kind: 'page'; status: number; view: string; model: object }
  | { [ANSWER]: true; kind: 'kept'; key: string; model: object };

export const PageAnswer = {
  /** The page lives at `to` now (an old slug, a label typed in capitals): a 301. */
  moved: (to: string): PageAnswer => ({ [ANSWER]: true, kind: 'redirect', status: 301, to }),
  /** Another page, with its own status (a refusal explained on the document's own page: 403). */
  page: (status: number, view: string, model: object): PageAnswer => ({
    [ANSWER]: true,
    kind: 'page',
    status,
    view,
    model,
  }),
  /**
   * The page's own view with `model`, rendered once per `key` and viewer role and shared by viewers,
   * each view getting its own CSRF token (`KeptRenderings`: what the key must name).
   */
  kept: (key: string, model: object): PageAnswer => ({ [ANSWER]: true, kind: 'kept', key, model }),
  is: (value: unknown): value is PageAnswer => typeof value === 'object' && value !== null && ANSWER in value,
};

const VIEW = 'roundtable:page-or-answer-view';

/**
 * A GET page that answers in more than one way without touching `@Res()`: the handler returns the
 * page's model (rendered with `view`), a `PageAnswer` (a 301 elsewhere, or another page with its
 * status), or a download (`fileDownload`), which Nest streams as it is. Nest's `@Render` and
 * `@Redirect` each answer one way only.
 *
 * Why forms and the survey link keep decorators of their own (answering through the same
 * `renderView` and `sendRedirect`): a form's refused body is shown again by rebuilding its page from
 * a page-model provider and its 303 saves a flash in the session first (`@FormPage`); the survey
 * link's pages are all `no-store`, rebuild a refused form from the link in the URL, and reuse one
 * rendering per kept result for views without cookies (`@SurveyPage`). One decorator for all three
 * would take each of those as a hook, which is three decorators behind one name.
 */
export function PageOrAnswer(view: string): MethodDecorator {
  return applyDecorators(SetMetadata(VIEW, view), UseInterceptors(PageOrAnswerInterceptor));
}

/** One per process: every `PageAnswer.kept` page shares the bound. */
export const keptPages = new KeptRenderings();

@Injectable()
export class PageOrAnswerInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const view = this.reflector.get<string>(VIEW, context.getHandler());
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      mergeMap((result: unknown) => {
        if (result instanceof StreamableFile) {
          return of(result);
        }
        if (!PageAnswer.is(result)) {
          return from(renderView(response, view, result as object));
        }
        if (result.kind === 'redirect') {
          return of(sendRedirect(response, result.status, result.to));
        }
        if (result.kind === 'kept') {
          return from(renderKept(response, view, result.key, result.model));
        }
        response.status(result.status);
        return from(renderView(response, result.view, result.model));
      }),
    );
  }
}

/** A `PageAnswer.kept` page: the kept rendering with this view's token, or rendered now and kept. */
function renderKept(response: Response, view: string, pageKey: string, model: object): Promise<string> {
  const locals = response.locals as ViewerLocals & { csrfToken?: () => string };
  const csrfToken = locals.csrfToken ?? (() => '');
  const key = keptPages.keyOf(view, pageKey, locals);
  if (key === null) {
    return renderView(response, view, model);
  }
  const kept = keptPages.get(key, csrfToken);
  return kept !== null
    ? Promise.resolve(kept)
    : keptPages.render(key, (standIn) => renderView(response, view, { ...model, csrfToken: standIn }), csrfToken);
}
