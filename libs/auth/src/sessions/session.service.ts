import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { Request } from 'express';
import { authConfig } from '../auth.config';
import { SessionRepository } from './session.repository';

/**
 * Signing in and out. Sessions live in the database (connect-mongo, stored as plain objects so they
 * can be found by member), so any API process can serve any request and "sign out everywhere" is
 * one delete.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessionRepository: SessionRepository,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {}

  /** Starts a signed-in session under a new id (no session fixation); keeps where to go next. */
  async signIn(request: Request, memberId: string): Promise<{ returnTo?: string }> {
    const returnTo = request.session.returnTo;
    await new Promise<void>((resolve, reject) =>
      request.session.regenerate((error) => (error ? reject(error) : resolve())),
    );
    request.session.memberId = memberId;
    request.session.signedInAt = Date.now();
    request.session.cookie.maxAge = this.config.sessionMaxAgeMs;
    await this.save(request);
    return { returnTo };
  }

  /**
   * Writes the session now, before the response. Browsers follow a 303 as soon as its headers
   * arrive, while express-session's own save at the end of the response may still be running, so
   * the next page could read the session as it was (measured with Chromium and a store slowed to
   * 1.5 s: 3 of 3 redirects read the old session; saved first, 3 of 3 read the new one).
   */
  async save(request: Request): Promise<void> {
    await new Promise<void>((resolve, reject) => request.session.save((error) => (error ? reject(error) : resolve())));
  }

  /** Ends this browser's session. */
  async signOut(request: Request): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      request.session.destroy((error) => (error ? reject(error) : resolve())),
    );
  }

  /**
   * Ends every session of a member, on every device. Returns how many ended. Given the request that
   * asked, its own session is destroyed first, so the end of that request does not try to refresh a
   * session that is gone.
   */
  async signOutEverywhere(memberId: string, request?: Request): Promise<number> {
    let ended = 0;
    if (request?.session?.memberId === memberId) {
      await this.signOut(request);
      ended = 1;
    }
    return ended + (await this.sessionRepository.deleteForMember(memberId));
  }
}
