import { randomBytes } from 'node:crypto';
import { sign } from 'cookie-signature';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { SESSION_COOKIE, SESSIONS_COLLECTION } from '@roundtable/auth';
import type { MemberRecord, MemberRole } from '@roundtable/members';
import type { TestApp } from './create-test-app';
import { buildMember } from './factories';

export interface SignedIn {
  member: MemberRecord;
  /** A supertest agent that sends the member's session cookie. */
  agent: TestAgent;
  /** The session's CSRF token, for `_csrf` form fields and the `x-csrf-token` header. */
  csrfToken: string;
  cookie: string;
}

/**
 * A signed-in member without walking a sign-in flow: writes a session into the real session store
 * (the `sessions` collection, in connect-mongo's format) and signs its cookie with the app's secret.
 * Tests of sign-in itself walk the real flows; tests of everything behind sign-in use this.
 */
export async function signInAs(
  t: TestApp,
  overrides: Parameters<typeof buildMember>[1] & { role?: MemberRole } = {},
): Promise<SignedIn> {
  const member = await buildMember(t, overrides);
  return sessionFor(t, member);
}

/** `maxAge` (ms, a day unless given) is how long the session lasts from now. */
export async function sessionFor(t: TestApp, member: MemberRecord, maxAge = 24 * 60 * 60 * 1000): Promise<SignedIn> {
  const sid = randomBytes(24).toString('base64url');
  const csrfToken = randomBytes(32).toString('hex');
  const expires = new Date(Date.now() + maxAge);
  await t.connection.collection(SESSIONS_COLLECTION).insertOne({
    _id: sid as never,
    expires,
    // As the store writes it: without lastModified, connect-mongo would touch it on every request.
    lastModified: new Date(),
    session: {
      cookie: { originalMaxAge: maxAge, expires, httpOnly: true, path: '/', sameSite: 'lax', secure: false },
      memberId: String(member._id),
      signedInAt: Date.now(),
      csrfToken,
    },
  });
  const secret = process.env.SESSION_SECRET ?? '';
  const cookie = `${SESSION_COOKIE}=${encodeURIComponent(`s:${sign(sid, secret)}`)}`;
  const agent = request.agent(t.app.getHttpServer()).set('Cookie', cookie);
  return { member, agent, csrfToken, cookie };
}

/** A session document as connect-mongo stores it (`stringify: false`). */
export interface StoredSession {
  _id: string;
  expires: Date;
  session: Record<string, unknown>;
}

/**
 * Sessions written straight into the store's collection, for tests of what reads them (expiry, the
 * index mirror). No mongoose model exists for sessions: connect-mongo decides their shape, so this
 * is the one place a test writes that shape.
 */
export async function writeStoredSessions(t: TestApp, sessions: StoredSession[]): Promise<void> {
  await t.connection.collection<StoredSession>(SESSIONS_COLLECTION).insertMany(sessions);
}
