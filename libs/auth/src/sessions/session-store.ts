import MongoStore from 'connect-mongo';
import type { Store } from 'express-session';
import type { Connection } from 'mongoose';

/** The driver's client under a mongoose connection (connect-mongo needs the driver, not mongoose). */
type MongoClient = ReturnType<Connection['getClient']>;

/** Refresh a session's expiry at most hourly, not with a database write on every page view. */
export const SESSION_TOUCH_AFTER_MS = 60 * 60 * 1000;

/**
 * The express-session store over the sessions collection: persistence code, kept beside
 * SessionRepository (the only caller) rather than in the middleware. It is not a repository method
 * on a mongoose Model because connect-mongo talks to the database itself: it needs the driver's
 * client, and it owns the documents' shape (`{ _id: sid, expires, session }`).
 */
export function createSessionStore(client: MongoClient, dbName: string, collectionName: string): Store {
  const store = MongoStore.create({
    client,
    dbName,
    collectionName,
    stringify: false,
    // FerretDB refuses TTL indexes, and connect-mongo's 'interval' removal is an unacknowledged
    // write that desynchronises FerretDB connections: ExpiredSessions removes them instead.
    autoRemove: 'disabled',
    touchAfter: SESSION_TOUCH_AFTER_MS / 1000,
  });
  // A session deleted while one of its requests was running (signed out everywhere from another
  // device) is signed out, not an error: connect-mongo would fail that request's closing touch.
  const touch = store.touch.bind(store);
  store.touch = (sid, data, callback) =>
    touch(sid, data, (error: unknown) =>
      callback?.(error instanceof Error && /Unable to find the session/.test(error.message) ? null : error),
    );
  return store;
}
