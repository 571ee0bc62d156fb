import { AsyncLocalStorage } from 'node:async_hooks';
import type { VersionSnapshot } from '@roundtable/core';

/**
 * The shared versions as read at the start of this request (one read for every check the request
 * makes: its session and its member). The session store is called by express-session with a session
 * id only, never the request, so the snapshot reaches it through the request's async context.
 */
export const requestVersions = new AsyncLocalStorage<VersionSnapshot>();

/** The name of the sessions version among the shared versions. */
export const SESSIONS_VERSION = 'sessions';
