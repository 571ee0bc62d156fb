// A signed-in member for load tests without walking a sign-in flow: a session written into the real
// session store (connect-mongo's format, as test/support/sessions.ts does) and its signed cookie.
'use strict';
const { randomBytes } = require('node:crypto');
const { sign } = require('cookie-signature');
const { MongoClient } = require('mongoose').mongo;

// The app's names (libs/auth/src/auth.config.ts).
const SESSION_COOKIE = 'rt.sid';
const SESSIONS_COLLECTION = 'sessions';

async function memberSession(uri, memberId, secret) {
  return (await sessionFor(uri, memberId, secret)).cookie;
}

/** The session's cookie and its CSRF token (a form's `_csrf`), for a benchmark that posts a staff form. */
async function sessionFor(uri, memberId, secret) {
  const client = await MongoClient.connect(uri);
  try {
    const sid = randomBytes(24).toString('base64url');
    const csrfToken = randomBytes(32).toString('hex');
    const maxAge = 24 * 60 * 60 * 1000;
    const expires = new Date(Date.now() + maxAge);
    await client
      .db()
      .collection(SESSIONS_COLLECTION)
      .insertOne({
        _id: sid,
        expires,
        // A fresh lastModified, so connect-mongo's touchAfter writes nothing during the run.
        lastModified: new Date(),
        session: {
          cookie: { originalMaxAge: maxAge, expires, httpOnly: true, path: '/', sameSite: 'lax', secure: false },
          memberId: String(memberId),
          signedInAt: Date.now(),
          csrfToken,
        },
      });
    return { cookie: `${SESSION_COOKIE}=${encodeURIComponent(`s:${sign(sid, secret)}`)}`, csrfToken };
  } finally {
    await client.close();
  }
}

module.exports = { memberSession, sessionFor };
