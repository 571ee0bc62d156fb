import { KeptSessions, type StoredSessionData } from './kept-sessions';

const HOUR = 60 * 60 * 1000;

function session(memberId: string, expiresAt = 10 * HOUR): StoredSessionData {
  return {
    cookie: { originalMaxAge: expiresAt, expires: new Date(expiresAt), httpOnly: true, path: '/' } as never,
    memberId,
    csrfToken: 'token',
    lastModified: new Date(0),
  } as StoredSessionData;
}

describe('KeptSessions', () => {
  it('gives back a session kept under the same version', () => {
    const kept = new KeptSessions();
    kept.keep('sid', session('a'), 'v1', 0);
    expect(kept.find('sid', 'v1', 10)).toEqual(session('a'));
  });

  it('gives nothing once the version changed (any session write anywhere)', () => {
    const kept = new KeptSessions();
    kept.keep('sid', session('a'), 'v1', 0);
    expect(kept.find('sid', 'v2', 10)).toBeNull();
  });

  it('keeps nothing and finds nothing without a version', () => {
    const kept = new KeptSessions();
    kept.keep('sid', session('a'), null, 0);
    expect(kept.size).toBe(0);
    kept.keep('sid', session('a'), 'v1', 0);
    expect(kept.find('sid', null, 10)).toBeNull();
  });

  it('gives nothing once the session has expired, even under the same version', () => {
    const kept = new KeptSessions();
    kept.keep('sid', session('a', 1000), 'v1', 0);
    expect(kept.find('sid', 'v1', 999)).not.toBeNull();
    expect(kept.find('sid', 'v1', 1000)).toBeNull();
    expect(kept.size).toBe(0);
  });

  it('keeps no session without an expiry (the store would give it one this process cannot know)', () => {
    const kept = new KeptSessions();
    kept.keep('sid', { cookie: {} } as StoredSessionData, 'v1', 0);
    expect(kept.size).toBe(0);
  });

  it('gives nothing past the maximum age, even under the same version', () => {
    const kept = new KeptSessions(10, 1000);
    kept.keep('sid', session('a'), 'v1', 0);
    expect(kept.find('sid', 'v1', 999)).not.toBeNull();
    expect(kept.find('sid', 'v1', 1000)).toBeNull();
  });

  it('holds at most its maximum, dropping the least recently used first', () => {
    const kept = new KeptSessions(2);
    kept.keep('a', session('a'), 'v1', 0);
    kept.keep('b', session('b'), 'v1', 0);
    kept.keep('a', session('a'), 'v1', 1);
    kept.keep('c', session('c'), 'v1', 2);
    expect(kept.size).toBe(2);
    expect(kept.find('b', 'v1', 3)).toBeNull();
    expect(kept.find('a', 'v1', 3)).not.toBeNull();
    expect(kept.find('c', 'v1', 3)).not.toBeNull();
  });

  it('keeps a session in use past its maximum, however long ago it was kept', () => {
    const kept = new KeptSessions(2);
    kept.keep('a', session('a'), 'v1', 0);
    kept.keep('b', session('b'), 'v1', 0);
    expect(kept.find('a', 'v1', 1)).not.toBeNull();
    kept.keep('c', session('c'), 'v1', 2);
    expect(kept.find('a', 'v1', 3)).not.toBeNull();
    expect(kept.find('b', 'v1', 3)).toBeNull();
  });

  it('stays within its maximum however many sessions pass through', () => {
    const kept = new KeptSessions(50);
    for (let i = 0; i < 5_000; i++) {
      kept.keep(`sid-${i}`, session(String(i)), 'v1', 0);
    }
    expect(kept.size).toBe(50);
  });

  it('forgets a session', () => {
    const kept = new KeptSessions();
    kept.keep('sid', session('a'), 'v1', 0);
    kept.forget('sid');
    expect(kept.find('sid', 'v1', 1)).toBeNull();
  });

  it('hands each request its own copy (express-session changes what the store gives it)', () => {
    const kept = new KeptSessions();
    const original = session('a');
    kept.keep('sid', original, 'v1', 0);
    original.memberId = 'changed after keeping';
    const first = kept.find('sid', 'v1', 1)!;
    first.memberId = 'b';
    (first.cookie as { expires?: Date }).expires = new Date(1);
    expect(kept.find('sid', 'v1', 2)).toEqual(session('a'));
  });
});
