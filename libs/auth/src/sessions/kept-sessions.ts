import type { SessionData } from 'express-session';
import { KeptUnderVersion } from './kept-under-version';

/** How many sessions one process keeps; past it, the least recently used goes first. */
export const KEPT_SESSIONS_MAX = 10_000;

/**
 * How long a kept session may be used at most, even while the sessions version is unchanged: only a
 * safety net for a write whose version change failed after the write itself succeeded. The version
 * is what keeps sessions fresh.
 */
export const KEPT_SESSION_MAX_AGE_MS = 60_000;

/** A session as the store hands it to express-session (connect-mongo adds `lastModified`). */
export type StoredSessionData = Partial<SessionData> & { cookie: SessionData['cookie']; lastModified?: Date };

/**
 * The sessions one API process keeps in memory, so a signed-in page does not read its session from
 * the database: a command saved per request, which still bounds a signed-in page under load with lookups
 * by index (docs/performance.md measures it; on FerretDB/SQLite the lookup scans). A kept session is
 * used only while the sessions version (core's SharedVersions) is the one read before that session
 * was read (`KeptUnderVersion` says why that is enough), and only until its own expiry. Every write to
 * a session (save, sign-out, sign-out everywhere, erasure, expiry sweep) changes the version after it
 * completes.
 */
export class KeptSessions {
  private readonly kept: KeptUnderVersion<StoredSessionData>;

  constructor(max = KEPT_SESSIONS_MAX, maxAgeMs = KEPT_SESSION_MAX_AGE_MS) {
    this.kept = new KeptUnderVersion((data) => structuredClone(data), max, maxAgeMs);
  }

  /** The kept session, if read under exactly this version, not too long ago, and not expired; a copy. */
  find(sid: string, version: string | null, now = Date.now()): StoredSessionData | null {
    const data = this.kept.find(sid, version, now);
    if (data && expiresAt(data) <= now) {
      // Expired: the store's own read refuses it too, so the request is signed out.
      this.kept.forget(sid);
      return null;
    }
    return data;
  }

  /**
   * Keeps a session read under `version`, which must have been read before the session was. A
   * session without an expiry date is not kept (the store would give it a default one this process
   * cannot know).
   */
  keep(sid: string, data: StoredSessionData, version: string | null, now = Date.now()): void {
    if (Number.isFinite(expiresAt(data))) {
      this.kept.keep(sid, data, version, now);
    }
  }

  forget(sid: string): void {
    this.kept.forget(sid);
  }

  get size(): number {
    return this.kept.size;
  }
}

/** When the session ends, in ms (NaN when it carries no expiry): its cookie's expiry, as the store stores it. */
function expiresAt(data: StoredSessionData): number {
  const expires = data.cookie?.expires;
  return expires ? new Date(expires).getTime() : NaN;
}
