import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Store } from 'express-session';
import { Connection } from 'mongoose';
import { SharedVersions } from '@roundtable/core';
import { SESSIONS_COLLECTION } from '../auth.config';
import { CachedSessionStore } from './cached-session-store';
import { SESSIONS_VERSION } from './request-versions';
import { createSessionStore, SESSION_TOUCH_AFTER_MS } from './session-store';

/**
 * A session as connect-mongo stores it (`stringify: false`, so it can be found by member). The
 * store writes these documents; this repository only finds and deletes them.
 */
interface StoredSession {
  _id: string;
  expires: Date;
  session: { memberId?: string };
}

/**
 * The only code that touches the sessions collection: the express-session store built over it
 * (reads and writes each request's session) and the queries sign-out-everywhere and expiry need.
 * No mongoose Model: connect-mongo, not a schema of ours, decides the documents' shape. Every write
 * here and in the store changes the sessions version once it has completed, so sessions kept in any
 * process's memory (CachedSessionStore) are read again on their next request.
 */
@Injectable()
export class SessionRepository implements OnModuleInit {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly versions: SharedVersions,
  ) {}

  private get sessions() {
    return this.connection.collection<StoredSession>(SESSIONS_COLLECTION);
  }

  async onModuleInit(): Promise<void> {
    // deleteForMember (sign out everywhere, erasure): a member's sessions.
    await this.sessions.createIndex({ 'session.memberId': 1 });
    // Sessions can be kept in memory from the first request (a version must exist to keep by).
    await this.versions.ensure(SESSIONS_VERSION);
  }

  /** The store express-session reads and writes every request's session through. */
  createStore(): Store {
    const database = createSessionStore(this.connection.getClient(), this.connection.name, SESSIONS_COLLECTION);
    return new CachedSessionStore(database, this.versions, SESSION_TOUCH_AFTER_MS);
  }

  /** Ends every session of a member; returns how many there were. */
  async deleteForMember(memberId: string): Promise<number> {
    const { deletedCount } = await this.sessions.deleteMany({ 'session.memberId': memberId });
    await this.versions.changed(SESSIONS_VERSION);
    return deletedCount;
  }

  /**
   * Deletes the sessions whose expiry has passed; returns how many. A scan, so only on a timer.
   * Acknowledged (`w: 1`) on purpose: see ExpiredSessions for what an unacknowledged delete does to
   * a FerretDB connection.
   */
  async deleteExpired(now: Date): Promise<number> {
    const { deletedCount } = await this.sessions.deleteMany({ expires: { $lt: now } }, { writeConcern: { w: 1 } });
    if (deletedCount > 0) {
      await this.versions.changed(SESSIONS_VERSION);
    }
    return deletedCount;
  }
}
