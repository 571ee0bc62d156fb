import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { BadRequestError, DomainError } from '@roundtable/core';
import { safeReturnTo } from '../return-to';

/**
 * Runs the LinkedIn flow: the first request keeps where to return and goes to LinkedIn; the callback
 * checks `state` and signs in. Every way it can fail becomes a 400 a person can act on.
 */
@Injectable()
export class LinkedInAuthGuard extends AuthGuard('linkedin') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.path === '/auth/linkedin') {
      request.session.returnTo = safeReturnTo(request.query.returnTo, '');
    } else if (typeof request.query.error === 'string') {
      throw new BadRequestError(
        request.query.error === 'access_denied'
          ? 'LinkedIn sign-in was cancelled. You can try again, or sign in with an email link.'
          : 'LinkedIn could not sign you in. Please try again, or sign in with an email link.',
      );
    }
    return (await super.canActivate(context)) as boolean;
  }

  override getAuthenticateOptions() {
    return { session: false };
  }

  override handleRequest<TUser>(error: unknown, user: TUser, info: unknown): TUser {
    if (error instanceof DomainError) {
      throw error;
    }
    if (error || !user) {
      const reason =
        info instanceof Error
          ? info.message
          : typeof info === 'object' && info
            ? String((info as { message?: unknown }).message ?? '')
            : '';
      throw new BadRequestError(
        /state/i.test(reason)
          ? 'This LinkedIn sign-in could not be verified: it was already used, or did not start on this site. Please start again.'
          : 'LinkedIn sign-in did not complete. Please try again, or sign in with an email link.',
      );
    }
    return user;
  }
}
