import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError, FormOutcome, TooManyRequestsError } from '@roundtable/core';
import type { MemberRecord } from '@roundtable/members';
import { isStaff } from './access';
import { EmailSignInService } from './email-link/email-sign-in.service';
import type { RequestLinkDto, UseCodeDto } from './email-link/sign-in.dto';
import { safeReturnTo } from './return-to';
import type { SessionMember } from './sessions/session-member';
import { SessionService } from './sessions/session.service';

declare module 'express-session' {
  interface SessionData {
    /** The address a sign-in link was just sent to, for the "check your email" page after the 303. */
    signInEmail?: string;
  }
}

const CHECK_EMAIL = '/sign-in/check-email';

/**
 * What the sign-in pages show and what their forms do; the controller only hands requests over.
 * The forms answer as every form does (`FormOutcome`): a 303 on success, else the page again with
 * the values kept and the message beside the field (422, or 429 when tried too often).
 */
@Injectable()
export class SignInPages {
  constructor(
    private readonly emailSignIn: EmailSignInService,
    private readonly sessions: SessionService,
  ) {}

  /** The sign-in page; someone already signed in goes on to where they were headed. */
  signInPage(member: SessionMember | undefined, returnTo: unknown, signedOut: unknown): FormOutcome | object {
    if (member) {
      return FormOutcome.ok(safeReturnTo(returnTo));
    }
    return {
      ...this.signInForm(),
      notice:
        signedOut === 'everywhere' ? 'You are signed out on every device.' : signedOut ? 'You are signed out.' : null,
      values: { email: '', returnTo: safeReturnTo(returnTo, '') },
    };
  }

  /** The sign-in page's model besides its values and errors (also when a request is refused). */
  signInForm(): object {
    return { title: 'Sign in' };
  }

  /** Sends the link and goes on to "check your email"; or the form again with what was wrong. */
  async requestLink(form: RequestLinkDto, request: Request): Promise<FormOutcome> {
    const returnTo = safeReturnTo(form.returnTo, '');
    try {
      request.session.signInEmail = await this.emailSignIn.requestLink(
        form.email,
        request.ip ?? 'unknown',
        returnTo || undefined,
      );
      // Saved before the 303: the browser asks for "check your email" as soon as it reads the headers.
      await this.sessions.save(request);
      return FormOutcome.ok(CHECK_EMAIL);
    } catch (error) {
      return refused(error, { email: form.email, returnTo }, 'email');
    }
  }

  /** "Check your email", with the code form; without a link just asked for, the sign-in page. */
  checkEmailPage(request: Request): FormOutcome | object {
    const email = request.session.signInEmail;
    if (!email) {
      return FormOutcome.ok('/sign-in');
    }
    return { ...this.checkEmailForm(), values: { email, code: '' } };
  }

  /** The "check your email" page's model besides its values and errors. */
  checkEmailForm(): object {
    return { title: 'Check your email' };
  }

  /** The page a link opens: who it signs in, and the button that does (scanners only GET). */
  async confirmPage(token: string): Promise<object> {
    const { email } = await this.emailSignIn.checkLink(token);
    return { title: 'Confirm sign-in', email, token };
  }

  /** Uses the link (once) and signs in under a new session. A dead link throws a 400 that says why. */
  async useLink(token: string, request: Request): Promise<FormOutcome> {
    const { member, returnTo } = await this.emailSignIn.consumeLink(token);
    await this.sessions.signIn(request, String(member._id));
    return FormOutcome.ok(this.landingFor(member, returnTo));
  }

  /** Signs in by code, or shows the code form again with the address, the code and the problem. */
  async useCode(form: UseCodeDto, request: Request): Promise<FormOutcome> {
    try {
      const { member, returnTo } = await this.emailSignIn.useCode(form.email, form.code);
      await this.sessions.signIn(request, String(member._id));
      return FormOutcome.ok(this.landingFor(member, returnTo));
    } catch (error) {
      return refused(error, { email: form.email, code: form.code }, 'code');
    }
  }

  /** After LinkedIn has vouched for the person (the guard put the member on the request). */
  async linkedInSignedIn(request: Request): Promise<{ url: string }> {
    const member = request.user as MemberRecord;
    const { returnTo } = await this.sessions.signIn(request, String(member._id));
    return { url: this.landingFor(member, returnTo ?? null) };
  }

  async signOut(request: Request): Promise<FormOutcome> {
    await this.sessions.signOut(request);
    return FormOutcome.ok('/sign-in?signedOut=1');
  }

  async signOutEverywhere(member: SessionMember, request: Request): Promise<FormOutcome> {
    await this.sessions.signOutEverywhere(member.id, request);
    return FormOutcome.ok('/sign-in?signedOut=everywhere');
  }

  /** After sign-in: where they asked to go, else staff's home, the application for new applicants, or the portal. */
  landingFor(member: Pick<MemberRecord, 'role' | 'application'>, returnTo: string | null): string {
    if (returnTo) {
      return safeReturnTo(returnTo);
    }
    if (isStaff(member)) {
      return '/admin';
    }
    const status = member.application?.status ?? 'none';
    return member.role === 'applicant' && status === 'none' ? '/apply' : '/portal';
  }
}

/**
 * A sign-in the service refused (a bad address or code, a used or expired link, too many tries) as
 * the form again, the message beside `field`: 429 when tried too often, else 422 like any refused form.
 */
function refused(error: unknown, values: Record<string, string>, field: string): FormOutcome {
  if (!(error instanceof DomainError)) {
    throw error;
  }
  const status = error instanceof TooManyRequestsError ? 429 : 422;
  return FormOutcome.invalid(values, { [field]: error.message }, status);
}
