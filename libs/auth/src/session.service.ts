import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectConnection } from '@nestjs/mongoose';
import type { Request } from 'express';
import { Connection } from 'mongoose';
import { authConfig, SESSIONS_COLLECTION } from './auth.config';

/**
 * Signing in and out. Sessions live in the database (connect-mongo, stored as plain objects so they
 * can be found by member), so any API process can serve any request and "sign out everywhere" is
 * one delete.
 */
@Injectable()
export class SessionService implements OnModuleInit {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {}

  async onModuleInit(): Promise<void> {
    // signOutEverywhere: find a member's sessions.
    await this.connection.collection(SESSIONS_COLLECTION).createIndex({ 'session.memberId': 1 });
  }

  /** Starts a signed-in session under a new id (no session fixation); keeps where to go next. */
  async signIn(request: Request, memberId: string): Promise<{ returnTo?: string }> {
    const returnTo = request.session.returnTo;
    await new Promise<void>((resolve, reject) =>
      request.session.regenerate((error) => (error ? reject(error) : resolve())),
    );
    request.session.memberId = memberId;
    request.session.signedInAt = Date.now();
    request.session.cookie.maxAge = this.config.sessionMaxAgeMs;
    await new Promise<void>((resolve, reject) => request.session.save((error) => (error ? reject(error) : resolve())));
    return { returnTo };
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
    const result = await this.connection.collection(SESSIONS_COLLECTION).deleteMany({ 'session.memberId': memberId });
    return ended + result.deletedCount;
  }
}
