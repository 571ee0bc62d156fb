import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '@roundtable/core';
import type { MemberRecord } from '@roundtable/members';
import { EmailSignInService } from './email-link/email-sign-in.service';
import { safeReturnTo } from './return-to';

type Page = { status: number; view: string; model: Record<string, unknown> };

/** What the sign-in pages show; the controller only renders it. */
@Injectable()
export class SignInPages {
  constructor(private readonly emailSignIn: EmailSignInService) {}

  signInPage(req: Request, returnTo: unknown): { redirect?: string; model: Record<string, unknown> } {
    if (req.member) {
      return { redirect: safeReturnTo(returnTo), model: {} };
    }
    const signedOut = req.query.signedOut;
    return {
      model: {
        title: 'Sign in',
        returnTo: safeReturnTo(returnTo, ''),
        notice:
          signedOut === 'everywhere' ? 'You are signed out on every device.' : signedOut ? 'You are signed out.' : null,
      },
    };
  }

  /** Sends the link, or shows the form again with the address as typed and what was wrong. */
  async requestLink(body: Record<string, unknown>, ip: string): Promise<Page> {
    const returnTo = safeReturnTo(body.returnTo, '');
    try {
      const email = await this.emailSignIn.requestLink(body.email, ip, returnTo || undefined);
      return { status: 200, view: 'auth/check-email', model: { title: 'Check your email', email } };
    } catch (error) {
      if (!(error instanceof DomainError)) {
        throw error;
      }
      return {
        status: error.statusCode,
        view: 'auth/sign-in',
        model: {
          title: 'Sign in',
          error: error.message,
          email: typeof body.email === 'string' ? body.email.slice(0, 254) : '',
          returnTo,
        },
      };
    }
  }

  /** Signs in by code, or shows the code form again with the address, the problem and its status. */
  async useCode(body: Record<string, unknown>): Promise<{ member: MemberRecord; returnTo: string | null } | Page> {
    try {
      return await this.emailSignIn.useCode(body.email, body.code);
    } catch (error) {
      if (!(error instanceof DomainError)) {
        throw error;
      }
      return {
        status: error.statusCode,
        view: 'auth/check-email',
        model: {
          title: 'Check your email',
          error: error.message,
          email: typeof body.email === 'string' ? body.email.slice(0, 254) : '',
        },
      };
    }
  }

  /** After sign-in: where they asked to go, else staff's home, the application for new applicants, or the portal. */
  landingFor(member: Pick<MemberRecord, 'role' | 'application'>, returnTo: string | null): string {
    if (returnTo) {
      return safeReturnTo(returnTo);
    }
    if (member.role === 'staff' || member.role === 'admin') {
      return '/admin';
    }
    const status = member.application?.status ?? 'none';
    return member.role === 'applicant' && status === 'none' ? '/apply' : '/portal';
  }
}
