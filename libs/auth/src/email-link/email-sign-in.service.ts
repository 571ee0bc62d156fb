import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { appConfig, BadRequestError } from '@roundtable/core';
import { MailService, renderMail } from '@roundtable/mail';
import { MemberRecord, MemberRepository } from '@roundtable/members';
import { RateLimiter } from '../rate-limit/rate-limiter.service';
import { safeReturnTo } from '../return-to';
import { SignInToken } from './sign-in-token.schema';
import { hashToken, looksLikeToken, newToken } from './token';

export const LINK_LIFETIME_MS = 15 * 60 * 1000;
const WINDOW_MS = 15 * 60 * 1000;
const PER_ADDRESS = 5;
const PER_IP = 20;
const EMAIL = /^[^\s@<>()",;:]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,}$/;

/**
 * Sign-in by email link: single use, 15 minutes, only the token's hash stored. Opening the link
 * shows a confirm button and only the POST signs in, so mail scanners that follow links do not use
 * it up. Requests are rate-limited per address and per IP.
 */
@Injectable()
export class EmailSignInService {
  constructor(
    @InjectModel(SignInToken.name) private readonly tokens: Model<SignInToken>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly members: MemberRepository,
    private readonly mail: MailService,
    private readonly limiter: RateLimiter,
  ) {}

  /** Validates the address and sends a link; says nothing about whether the address is known. */
  async requestLink(rawEmail: unknown, ip: string, returnTo: unknown): Promise<string> {
    const email = typeof rawEmail === 'string' ? rawEmail.trim().toLowerCase() : '';
    if (!EMAIL.test(email) || email.length > 254) {
      throw new BadRequestError('Please enter a valid email address, like name@company.com.');
    }
    const tooMany = 'Too many sign-in links were asked for. Please wait 15 minutes and try again.';
    await this.limiter.hit(`sign-in-ip:${ip}`, PER_IP, WINDOW_MS, tooMany);
    await this.limiter.hit(`sign-in-email:${email}`, PER_ADDRESS, WINDOW_MS, tooMany);

    const { token, hash } = newToken();
    await this.tokens.create({
      tokenHash: hash,
      email,
      expiresAt: new Date(Date.now() + LINK_LIFETIME_MS),
      returnTo: safeReturnTo(returnTo),
    });
    const link = `${this.app.baseUrl}/sign-in/email/${token}`;
    await this.mail.queue({
      to: email,
      subject: 'Your Roundtable sign-in link',
      ...renderMail('auth/email/sign-in-link', { link, minutes: LINK_LIFETIME_MS / 60000 }),
    });
    await this.tokens.deleteMany({ expiresAt: { $lt: new Date(Date.now() - 24 * 60 * 60 * 1000) } });
    return email;
  }

  /** For the confirm page: is this link still good? Throws a clear 400 when not. */
  async checkLink(token: unknown): Promise<{ email: string }> {
    const record = await this.find(token);
    this.assertUsable(record);
    return { email: record!.email };
  }

  /** Uses the link (once, atomically) and returns the member, creating an applicant for a new address. */
  async consumeLink(token: unknown): Promise<{ member: MemberRecord; returnTo: string | null }> {
    if (!looksLikeToken(token)) {
      throw new BadRequestError('This sign-in link is not valid. Please ask for a new one.');
    }
    const used = await this.tokens
      .findOneAndUpdate(
        { tokenHash: hashToken(token), usedAt: null, expiresAt: { $gt: new Date() } },
        { $set: { usedAt: new Date() } },
        { returnDocument: 'after' },
      )
      .lean<SignInToken>();
    if (!used) {
      this.assertUsable(await this.find(token));
      throw new BadRequestError('This sign-in link is not valid. Please ask for a new one.');
    }
    const member =
      (await this.members.findByEmail(used.email)) ??
      (await this.members.create({ email: used.email, name: used.email.split('@')[0], role: 'applicant' }));
    return { member, returnTo: used.returnTo };
  }

  private async find(token: unknown): Promise<SignInToken | null> {
    if (!looksLikeToken(token)) {
      return null;
    }
    return this.tokens.findOne({ tokenHash: hashToken(token) }).lean<SignInToken>();
  }

  private assertUsable(record: SignInToken | null): void {
    if (!record) {
      throw new BadRequestError('This sign-in link is not valid. Please ask for a new one.');
    }
    if (record.usedAt) {
      throw new BadRequestError(
        'This sign-in link has already been used. Each link works once; please ask for a new one.',
      );
    }
    if (record.expiresAt.getTime() <= Date.now()) {
      throw new BadRequestError('This sign-in link has expired (links last 15 minutes). Please ask for a new one.');
    }
  }
}
