import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  Type,
  UseInterceptors,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable } from 'rxjs';
import { formValuesFrom } from './field-errors';
import { FieldErrors, FormOutcome, FormValues, InvalidStatus } from './form-outcome';
import { InvalidInputError } from './invalid-input.error';
import { renderView, sendRedirect } from '../http/page-answers';

declare module 'express-session' {
  interface SessionData {
    /** A message shown once, on the page a successful form redirects to (see `FormOutcome.ok`). */
    flash?: string;
  }
}

/**
 * What a page model is built from: the signed-in member (auth's `SessionMember`; on a page visitors
 * see, `SessionMember | undefined`) and the route's parameters.
 */
export interface PageRequest<M = unknown> {
  member: M;
  /** Always given when `@FormPage` builds the page; a GET handler passes what its page needs. */
  params?: Record<string, string>;
}

/**
 * Builds the model of a form's page: what the template needs besides `values` and `errors` (title,
 * choices, the record edited). The same method serves the page's GET handler, so the form looks the
 * same whether it is shown first or again with errors.
 */
export type PageModel = (request: PageRequest<never>) => object | Promise<object>;

type PageModelName<T> = { [K in keyof T]: T[K] extends PageModel ? K : never }[keyof T] & string;

interface FormPageMetadata {
  view?: string;
  pages?: Type<unknown>;
  model?: string;
}

const FORM_PAGE = 'roundtable:form-page';

/**
 * Marks a handler of a form page. The handler returns a `FormOutcome` (a POST), or the page's model
 * (a GET, rendered with `view`; a GET may also return `FormOutcome.ok` to send the person elsewhere).
 * This turns it into the response: `ok` is a 303 to its redirect (its flash kept for the next page),
 * `invalid` is `view` again with status 422, the values as typed and a message per field. A body the
 * DTO refuses (the global ValidationPipe) is shown the same way, so the handler never sees bad input.
 *
 * `pages` and `model` name the injectable and its method that build the rest of the page (see
 * `PageModel`); a form whose template needs nothing but its values and errors leaves them out. A
 * button with no fields (approve, delete) needs no view: `@FormPage()`.
 *
 * @example
 *   @Post('profile')
 *   @FormPage('portal/profile', PortalService, 'profilePage')
 *   saveProfile(@CurrentMember() member: SessionMember, @Body() form: ProfileDto) {
 *     return this.portal.saveProfile(member.id, form);
 *   }
 */
export function FormPage<T>(view?: string, pages?: Type<T>, model?: PageModelName<T>): MethodDecorator {
  const metadata: FormPageMetadata = { view, pages, model };
  return applyDecorators(SetMetadata(FORM_PAGE, metadata), UseInterceptors(FormPageInterceptor));
}

@Injectable()
export class FormPageInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const metadata = this.reflector.get<FormPageMetadata>(FORM_PAGE, context.getHandler());
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      mergeMap((result: unknown) => {
        if (!FormOutcome.is(result)) {
          return from(renderView(response, this.viewOf(metadata, context), result as object));
        }
        if (result.kind === 'invalid') {
          return from(
            this.renderInvalid(metadata, request, response, result.values, result.errors, result.status ?? 422),
          );
        }
        // Nest sends what this returns with the status set here. A flash is saved with the session
        // first: a browser follows the 303 as soon as its headers arrive, before express-session's
        // save at the end of the response has finished (it holds back only the body's last byte,
        // which a browser does not wait for; measured with Chromium and a store slowed to 1.5 s,
        // 3 of 3 next pages read the session without the flash).
        const body = sendRedirect(response, 303, result.redirect);
        if (result.flash === undefined || !request.session) {
          return from(Promise.resolve(body));
        }
        request.session.flash = result.flash;
        const session = request.session;
        return from(
          new Promise<string>((resolve, reject) => session.save((error) => (error ? reject(error) : resolve(body)))),
        );
      }),
      catchError((error: unknown) => {
        if (error instanceof InvalidInputError) {
          return from(this.renderInvalid(metadata, request, response, formValuesFrom(request.body), error.errors, 422));
        }
        throw error;
      }),
    );
  }

  /** The form's page again, as HTML with status 422 (or 409, 429); Nest sends it. */
  private async renderInvalid(
    metadata: FormPageMetadata,
    request: Request,
    response: Response,
    values: FormValues,
    errors: FieldErrors,
    status: InvalidStatus,
  ): Promise<string> {
    response.status(status);
    if (!metadata.view) {
      // A button without fields has no form to show again; the error page lists what was refused.
      const error = { statusCode: status, message: 'That could not be done.', errors, path: request.originalUrl };
      return renderView(response, 'error', { title: 'That could not be done', error });
    }
    const page = await this.pageModel(metadata, request);
    return renderView(response, metadata.view, { ...page, values, errors });
  }

  private viewOf(metadata: FormPageMetadata, context: ExecutionContext): string {
    if (!metadata.view) {
      throw new Error(`${context.getClass().name}.${context.getHandler().name} must return a FormOutcome`);
    }
    return metadata.view;
  }

  private async pageModel(metadata: FormPageMetadata, request: Request): Promise<object> {
    if (!metadata.pages || !metadata.model) {
      return {};
    }
    const pages = this.moduleRef.get(metadata.pages, { strict: false }) as Record<string, PageModel>;
    const member = (request as { member?: unknown }).member as never;
    return pages[metadata.model].call(pages, { member, params: request.params as Record<string, string> });
  }
}
