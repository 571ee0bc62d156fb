import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { appConfig, BadRequestError, hashToken, looksLikeToken, newToken, sameSecret } from '@roundtable/core';
import { MailService, renderMail } from '@roundtable/mail';
import { MemberRecord, MemberRepository } from '@roundtable/members';
import { RateLimiter } from '../rate-limit/rate-limiter.service';
import { safeReturnTo } from '../return-to';
import { SignInTokenRepository } from './sign-in-token.repository';
import { SignInToken } from './sign-in-token.schema';
import { hashCode, newCode, normaliseCode } from './sign-in-code';
import { EMAIL_ADDRESS, MAX_EMAIL_LENGTH } from './email-address';

export const LINK_LIFETIME_MS = 15 * 60 * 1000;
const WINDOW_MS = 15 * 60 * 1000;
const PER_ADDRESS = 5;
const PER_IP = 20;
/** Code attempts per address in the window, right or wrong: guessing one of a million stays hopeless. */
const CODE_TRIES = 5;
const ALREADY_USED =
  'This sign-in link has already been used: a link and its code work once. Please ask for a new one.';

/**
 * Sign-in by email link: single use, 15 minutes, only the token's hash stored. Opening the link
 * shows a confirm button and only the POST signs in, so mail scanners that follow links do not use
 * it up. Requests are rate-limited per address and per IP.
 */
@Injectable()
export class EmailSignInService {
  constructor(
    private readonly tokens: SignInTokenRepository,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly members: MemberRepository,
    private readonly mail: MailService,
    private readonly limiter: RateLimiter,
  ) {}

  /** Validates the address and sends a link; says nothing about whether the address is known. */
  async requestLink(rawEmail: unknown, ip: string, returnTo: unknown): Promise<string> {
    const email = typeof rawEmail === 'string' ? rawEmail.trim().toLowerCase() : '';
    if (!EMAIL_ADDRESS.test(email) || email.length > MAX_EMAIL_LENGTH) {
      throw new BadRequestError('Please enter a valid email address, like name@company.com.');
    }
    const tooMany = 'Too many sign-in links were asked for. Please wait 15 minutes and try again.';
    await this.limiter.hit(`sign-in-ip:${ip}`, PER_IP, WINDOW_MS, tooMany);
    await this.limiter.hit(`sign-in-email:${email}`, PER_ADDRESS, WINDOW_MS, tooMany);

    const { token, hash } = newToken();
    const code = newCode();
    await this.tokens.create({
      tokenHash: hash,
      codeHash: hashCode(hash, code),
      email,
      expiresAt: new Date(Date.now() + LINK_LIFETIME_MS),
      // None given: after sign-in, newcomers go on to their application and members to the portal.
      returnTo: safeReturnTo(returnTo, '') || null,
    });
    const link = `${this.app.baseUrl}/sign-in/email/${token}`;
    await this.mail.queue({
      to: email,
      subject: 'Your Roundtable sign-in link',
      ...renderMail('auth/email/sign-in-link', {
        link,
        code: `${code.slice(0, 3)} ${code.slice(3)}`,
        minutes: LINK_LIFETIME_MS / 60000,
      }),
    });
    await this.tokens.deleteOld();
    return email;
  }

  /** For the confirm page: is this link still good? Throws a clear 400 when not. */
  async checkLink(token: unknown): Promise<{ email: string }> {
    const { email } = await this.usable(await this.find(token));
    return { email };
  }

  /** Uses the link (once, atomically) and returns the member, creating an applicant for a new address. */
  async consumeLink(token: unknown): Promise<{ member: MemberRecord; returnTo: string | null }> {
    return this.signInWith(await this.usable(await this.find(token)));
  }

  private async signInWith(link: SignInToken): Promise<{ member: MemberRecord; returnTo: string | null }> {
    // The claim, not the checks before it, decides: of two confirmations at once, one signs in.
    if (!(await this.tokens.claim(link.tokenHash))) {
      throw new BadRequestError(ALREADY_USED);
    }
    const member =
      (await this.members.findByEmail(link.email)) ??
      (await this.members.create({ email: link.email, name: link.email.split('@')[0], role: 'applicant' }));
    return { member, returnTo: link.returnTo };
  }

  /**
   * Signs in with the code from the email instead of the link (the mail was read on a phone, the
   * sign-in is on a laptop). The code counts as the link's one use.
   */
  async useCode(rawEmail: unknown, rawCode: unknown): Promise<{ member: MemberRecord; returnTo: string | null }> {
    const email = typeof rawEmail === 'string' ? rawEmail.trim().toLowerCase() : '';
    const code = normaliseCode(rawCode);
    if (!EMAIL_ADDRESS.test(email) || !code) {
      throw new BadRequestError('Please enter the six-digit code from the email we sent you.');
    }
    await this.limiter.hit(
      `sign-in-code:${email}`,
      CODE_TRIES,
      WINDOW_MS,
      'Too many codes were tried for this address. Please wait 15 minutes, or use the link in the email.',
    );
    const candidates = await this.tokens.findUnexpiredFor(email);
    const link = candidates.find((c) => c.codeHash !== null && sameSecret(c.codeHash, hashCode(c.tokenHash, code)));
    if (!link) {
      throw new BadRequestError(
        'That code is not right, or it has expired. Check the newest email from us, or ask for a new one.',
      );
    }
    return this.signInWith(await this.usable(link));
  }

  private async find(token: unknown): Promise<SignInToken | null> {
    if (!looksLikeToken(token)) {
      return null;
    }
    return this.tokens.findByHash(hashToken(token));
  }

  /** The link, when it can still be used; otherwise a 400 that says why. */
  private async usable(record: SignInToken | null): Promise<SignInToken> {
    if (!record) {
      throw new BadRequestError('This sign-in link is not valid. Please ask for a new one.');
    }
    if (await this.tokens.isUsed(record.tokenHash)) {
      throw new BadRequestError(ALREADY_USED);
    }
    if (record.expiresAt.getTime() <= Date.now()) {
      throw new BadRequestError('This sign-in link has expired (links last 15 minutes). Please ask for a new one.');
    }
    return record;
  }
}
