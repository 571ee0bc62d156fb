import {
  applyDecorators,
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsOptional, validateSync } from 'class-validator';
import type { Request, Response } from 'express';
import { InvalidInputError, renderView, sendRedirect } from '@roundtable/core';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { LinkRequests } from '../links/link-requests.service';
import { KeptLinkViews, SURVEY_PAGE_HEADERS } from './kept-link-views';
import { ResponsePages, type PageResult } from './response-pages.service';

/** Which form a refused body belongs to, so the interceptor shows that form again. */
type RefusedForm = 'answer' | 'new-link';
const SURVEY_PAGE = 'roundtable:survey-page';

/**
 * Marks a handler of the survey link's pages (`/s/…`, and the portal's same form): it returns a
 * `PageResult`, which becomes a 303 or the page with its status; pages are personal, so never stored
 * by a browser or a proxy, never indexed. A body its DTO refuses shows `form` again with 422, the
 * answers as typed and a message per field. No handler touches `@Res()`.
 */
export function SurveyPage(form?: RefusedForm): MethodDecorator {
  return applyDecorators(SetMetadata(SURVEY_PAGE, form ?? null), UseInterceptors(SurveyPageInterceptor));
}

@Injectable()
export class SurveyPageInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly pages: ResponsePages,
    private readonly linkRequests: LinkRequests,
    private readonly kept: KeptLinkViews,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<string> {
    const form = this.reflector.get<RefusedForm | null>(SURVEY_PAGE, context.getHandler());
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    response.set(SURVEY_PAGE_HEADERS);
    return next.handle().pipe(
      catchError((error: unknown) =>
        form && error instanceof InvalidInputError ? from(this.refused(form, request, error)) : throwError(() => error),
      ),
      mergeMap((result: PageResult) => from(this.send(request, response, result))),
    );
  }

  /**
   * The result as Nest sends it: a 303 with a short body, or the rendered page with its status. A
   * page result the service gives again (the same object: `LinkPageReads.page`) is rendered once for
   * requests without cookies, whose layout is the same for all (no member, no flash); the HTML goes
   * when the result does. `KeptLinkViews` answers the next such views before sessions and routing.
   */
  private async send(request: Request, response: Response, result: PageResult): Promise<string> {
    if (result.kind === 'redirect') {
      return sendRedirect(response, 303, result.to);
    }
    response.status(result.status);
    const shared = !request.headers.cookie;
    const kept = shared ? this.kept.html(result) : undefined;
    if (kept !== undefined) {
      return kept;
    }
    // `invited`: only members get a survey link, so the layout offers its reader no membership.
    const html = await renderView(response, result.template, { ...result.model, invited: true });
    if (shared) {
      this.kept.keep(result, html);
    }
    return html;
  }

  private refused(form: RefusedForm, request: Request, error: InvalidInputError): Promise<PageResult> {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (form === 'new-link') {
      return Promise.resolve(this.linkRequests.refusedPage(body, error.errors));
    }
    const memberId = (request as Request & { member?: { id: string } }).member?.id;
    return this.pages.refusedAnswer(request.params, memberId, body, error.errors);
  }
}

/** The one-time notice a save or a submit redirected back with (`?saved=1`, `?done=1`, `?updated=1`). */
export class ResponseNoticeQuery {
  @IsOptional() @IsIn(['1']) saved?: string;
  @IsOptional() @IsIn(['1']) done?: string;
  @IsOptional() @IsIn(['1']) updated?: string;
}

/**
 * Which notice the query asks for, read through `ResponseNoticeQuery`. Other parameters are dropped,
 * not refused: an emailed link may gain tracking parameters on its way, and must still open the
 * form; a notice that is not `1` is not shown (it only says what the person just did).
 */
export const NoticeQuery = createParamDecorator(
  (_: unknown, context: ExecutionContext): 'saved' | 'done' | 'updated' | undefined => {
    const raw = context.switchToHttp().getRequest<Request>().query ?? {};
    if (Object.keys(raw).length === 0) {
      // The emailed link itself: nothing to read.
      return undefined;
    }
    const query = plainToInstance(ResponseNoticeQuery, raw);
    if (validateSync(query, { whitelist: true }).length > 0) {
      return undefined;
    }
    return (['saved', 'done', 'updated'] as const).find((name) => query[name] === '1');
  },
);
