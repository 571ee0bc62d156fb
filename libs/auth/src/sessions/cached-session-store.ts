import { Store, type SessionData } from 'express-session';
import type { SharedVersions } from '@roundtable/core';
import { KeptSessions, type StoredSessionData } from './kept-sessions';
import { requestVersions, SESSIONS_VERSION } from './request-versions';

type Callback = (error?: unknown) => void;

/**
 * The session store every request goes through: the database store (connect-mongo) with this
 * process's KeptSessions in front. A read is served from memory while the sessions version read at
 * the start of the request (`requestVersions`) is the one the session was kept under; every write
 * goes to the database first and then changes the version, so every process's next request reads
 * the session again. Touches only move the expiry later, so they leave the version alone: a process
 * holding the older expiry reads the session again once that passes.
 */
export class CachedSessionStore extends Store {
  private readonly kept = new KeptSessions();

  constructor(
    private readonly inner: Store,
    private readonly versions: Pick<SharedVersions, 'changed'>,
    /** The database store's `touchAfter`, in ms: a touch older than this writes (see `touch`). */
    private readonly touchAfterMs: number,
  ) {
    super();
  }

  get(sid: string, callback: (error: unknown, session?: SessionData | null) => void): void {
    const version = requestVersions.getStore()?.[SESSIONS_VERSION] ?? null;
    const kept = this.kept.find(sid, version);
    if (kept) {
      callback(null, kept as SessionData);
      return;
    }
    this.inner.get(sid, (error: unknown, session?: SessionData | null) => {
      if (!error) {
        if (session) {
          this.kept.keep(sid, session as StoredSessionData, version);
        } else {
          this.kept.forget(sid);
        }
      }
      callback(error, session);
    });
  }

  set(sid: string, session: SessionData, callback?: Callback): void {
    this.kept.forget(sid);
    this.inner.set(sid, session, (error?: unknown) => this.afterWrite(sid, error, callback));
  }

  destroy(sid: string, callback?: Callback): void {
    this.kept.forget(sid);
    this.inner.destroy(sid, (error?: unknown) => this.afterWrite(sid, error, callback));
  }

  override touch(sid: string, session: SessionData, callback?: Callback): void {
    const lastModified = (session as StoredSessionData).lastModified;
    const writes = !lastModified || Date.now() - new Date(lastModified).getTime() >= this.touchAfterMs;
    if (writes) {
      // The kept copy carries the old lastModified, which would make every later request touch again.
      this.kept.forget(sid);
    }
    if (!this.inner.touch) {
      callback?.();
      return;
    }
    this.inner.touch(sid, session, (error?: unknown) => callback?.(error));
  }

  /** Tells every process after a completed write; the write's own error wins. */
  private afterWrite(sid: string, error: unknown, callback?: Callback): void {
    this.kept.forget(sid);
    if (error) {
      callback?.(error);
      return;
    }
    this.versions.changed(SESSIONS_VERSION).then(
      () => callback?.(),
      (failed: unknown) => callback?.(failed),
    );
  }
}
