import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type Type,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { from, Observable, switchMap } from 'rxjs';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the session middleware on a multipart request: checks its CSRF token once the body is read. */
    checkUploadCsrf?: () => Promise<void>;
  }
}

const UPLOAD_FORM = 'roundtable:upload-form';

/** The methods CSRF protects (csrf-sync lets GET, HEAD and OPTIONS through). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A state-changing `multipart/form-data` request: its CSRF token is in a body not read yet. */
export function isUpload(request: Request): boolean {
  return !SAFE_METHODS.has(request.method) && Boolean(request.is('multipart/form-data'));
}

/** Checks the CSRF token of an upload once `parser` has read the body into `request.body`. */
@Injectable()
export class UploadCsrfInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const checked = (request.checkUploadCsrf ?? (() => Promise.resolve()))().then(() => {
      // The token is not one of the form's fields.
      delete (request.body as Record<string, unknown> | undefined)?._csrf;
    });
    return from(checked).pipe(switchMap(() => next.handle()));
  }
}

/**
 * A route that takes a file upload: `parser` reads the multipart body (its limits, its messages), then
 * the CSRF token from the form's hidden `_csrf` field is checked, before the handler runs. The token
 * travels in the body, never in the form's address, so a refused upload's page does not show it in
 * the address bar. A multipart request to any route without this is refused (UploadFormGuard).
 */
export function UploadForm(parser: Type<NestInterceptor> | NestInterceptor): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(UPLOAD_FORM, true), UseInterceptors(parser, UploadCsrfInterceptor));
}

/** The global guard that keeps the deferred CSRF check from being skipped: uploads only where declared. */
@Injectable()
export class UploadFormGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (context.getType() !== 'http' || !request.checkUploadCsrf) {
      return true;
    }
    const declared = this.reflector.getAllAndOverride<boolean | undefined>(UPLOAD_FORM, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!declared) {
      // The same answer a missing token gets: this route reads no upload, so none can be checked.
      throw Object.assign(new Error(CSRF_REFUSED), {
        status: 403,
        statusCode: 403,
        expose: true,
        code: 'EBADCSRFTOKEN',
      });
    }
    return true;
  }
}

export const CSRF_REFUSED =
  'This form has expired or did not come from this site. Please reload the page and try again.';
