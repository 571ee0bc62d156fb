import type { SessionData } from 'express-session';

/** How many sessions one process keeps; past it, the longest-held goes first. */
export const KEPT_SESSIONS_MAX = 10_000;

/**
 * How long a kept session may be used at most, even while the sessions version is unchanged: only a
 * safety net for a write whose version change failed after the write itself succeeded. The version
 * is what keeps sessions fresh.
 */
export const KEPT_SESSION_MAX_AGE_MS = 60_000;

/** A session as the store hands it to express-session (connect-mongo adds `lastModified`). */
export type StoredSessionData = Partial<SessionData> & { cookie: SessionData['cookie']; lastModified?: Date };

interface Kept {
  data: StoredSessionData;
  /** The sessions version read BEFORE the session was read (see `keep`). */
  version: string;
  keptAt: number;
}

/**
 * The sessions one API process keeps in memory, so a signed-in page does not read its session from
 * the database (on FerretDB v1 even an `_id` lookup scans the sessions collection). A kept session is
 * used only while the sessions version (core's SharedVersions) is the one read before that session
 * was read, and only until its own expiry. Every write to a session (save, sign-out, sign-out
 * everywhere, erasure, expiry sweep) completes before the writer changes the version, so a request
 * that reads the same version before using a kept session would have read that same session from the
 * database: the argument SignedInMembers makes for members.
 */
export class KeptSessions {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly max = KEPT_SESSIONS_MAX,
    private readonly maxAgeMs = KEPT_SESSION_MAX_AGE_MS,
  ) {}

  /** The kept session, if read under exactly this version, not too long ago, and not expired; a copy. */
  find(sid: string, version: string | null, now = Date.now()): StoredSessionData | null {
    const kept = this.kept.get(sid);
    if (!kept || version === null || kept.version !== version || now - kept.keptAt >= this.maxAgeMs) {
      return null;
    }
    if (expiresAt(kept.data) <= now) {
      // Expired: the store's own read refuses it too, so the request is signed out.
      this.kept.delete(sid);
      return null;
    }
    return structuredClone(kept.data);
  }

  /**
   * Keeps a session read under `version`, which must have been read before the session was. No
   * version keeps nothing (there is nothing to tell a change by), and neither does a session without
   * an expiry date (the store would give it a default one this process cannot know).
   */
  keep(sid: string, data: StoredSessionData, version: string | null, now = Date.now()): void {
    if (version === null || !Number.isFinite(expiresAt(data))) {
      return;
    }
    this.kept.delete(sid);
    this.kept.set(sid, { data: structuredClone(data), version, keptAt: now });
    // A Map iterates in insertion order, so the first key is the longest-held.
    while (this.kept.size > this.max) {
      this.kept.delete(this.kept.keys().next().value as string);
    }
  }

  forget(sid: string): void {
    this.kept.delete(sid);
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
