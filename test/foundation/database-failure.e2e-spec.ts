import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ExpiredSessions, SESSIONS_COLLECTION } from '@roundtable/auth';
import { RunningDatabase, startFerretDb } from '../../tools/servers/local-servers';
import { createTestApp, TestApp } from '../support/create-test-app';
import { SignedIn, signInAs } from '../support/sessions';
import { writeStoredSessions } from '../support/sessions';

const MEMBER = { tier: 'associate', state: 'active', entitlements: ['members_posts', 'comment'] };

/** Polls until `probe` answers `status`: the driver notices a stopped or returned server within seconds. */
async function until(probe: () => Promise<request.Response>, status: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last: request.Response | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last.status === status) {
      return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`stayed ${last?.status} instead of ${status}: ${last?.text.slice(0, 300)}`);
}

describe('A failing database is never an answer', () => {
  // A FerretDB of this file's own (stopping it must not disturb other tests), and one connection in
  // the pool, so every command shares the connection an earlier command may have left out of step.
  let dir: string;
  let database: RunningDatabase;
  let t: TestApp;
  let admin: SignedIn;
  let member: SignedIn;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roundtable-dbfail-'));
    database = await startFerretDb({ dir });
    t = await createTestApp({ env: { MONGODB_URI: `${database.uri}dbfail?maxPoolSize=1` } });
    admin = await signInAs(t, { role: 'admin', name: 'Ada Admin' });
    member = await signInAs(t, { role: 'member', name: 'Mo Member', membership: MEMBER });
    await admin.agent
      .post('/admin/posts')
      .type('form')
      .send({ _csrf: admin.csrfToken, title: 'On uptime', bodyMarkdown: 'Stay up.', action: 'publish' })
      .expect(303);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('removing expired sessions leaves the connection in step (the ten-minute bursts)', async () => {
    const sessions = t.connection.collection(SESSIONS_COLLECTION);
    const expired = new Date(Date.now() - 60_000);
    await writeStoredSessions(
      t,
      ['old-1', 'old-2'].map((sid) => ({ _id: sid, expires: expired, session: { cookie: {} } })),
    );
    const removed = await t.app.get(ExpiredSessions).removeExpired();
    // The next commands on the same connection get their own answers: the admin is still the admin.
    for (let i = 0; i < 3; i += 1) {
      const page = await admin.agent.get('/admin/members').set('Accept', 'text/html');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Ada Admin');
    }
    expect(removed).toBe(2);
    expect(await sessions.countDocuments({ _id: { $in: ['old-1', 'old-2'] as never[] } })).toBe(0);
    expect(await sessions.countDocuments({ expires: { $gt: new Date() } })).toBeGreaterThanOrEqual(2);
  });

  it('answers 503 with Retry-After while the database is down, and the session survives', async () => {
    await database.stop();

    const page = await until(() => admin.agent.get('/admin/members').set('Accept', 'text/html'), 503);
    expect(page.headers['retry-after']).toBe('30');
    expect(page.text).toContain('The site is briefly unavailable');
    expect(page.text).not.toContain('You do not have access');

    const api = await admin.agent.get('/api/membership/benefits').set('Accept', 'application/json');
    expect(api.status).toBe(503);
    expect(api.headers['retry-after']).toBe('30');
    expect(api.body).toMatchObject({ statusCode: 503, message: expect.stringContaining('database') });

    // A comment on an existing post, a profile save and a public post: neither 404, 403 nor sign-in.
    const comment = await member.agent
      .post('/blog/on-uptime/comments')
      .type('form')
      .send({ _csrf: member.csrfToken, body: 'Hello' });
    expect(comment.status).toBe(503);
    const profile = await member.agent
      .post('/portal/profile')
      .type('form')
      .send({ _csrf: member.csrfToken, name: 'Mo Member' });
    expect(profile.status).toBe(503);
    const post = await request(t.app.getHttpServer()).get('/blog/on-uptime').set('Accept', 'text/html');
    expect(post.status).toBe(503);

    database = await startFerretDb({ dir, port: database.port });
    const back = await until(() => admin.agent.get('/admin/members').set('Accept', 'text/html'), 200);
    expect(back.text).toContain('Ada Admin');
    await member.agent.get('/blog/on-uptime').expect(200);
  }, 90_000);
});
