import request from 'supertest';
import { ExpiredSessions } from '@roundtable/auth';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildMember } from '../support/factories';
import { sessionFor, signInAs } from '../support/sessions';

/**
 * Each API process keeps sessions in memory (CachedSessionStore) so a signed-in page does not read its
 * session from the database; signing out, signing out everywhere, expiry and the expiry sweep must
 * still apply on the very next request in every process. Two API processes on one database, as
 * behind a load balancer; each check first makes both processes keep the session (two pages each).
 */
describe('Sessions kept in memory end on the next request, in every process', () => {
  let t: TestApp;
  let other: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    other = await createTestApp({ env: { MONGODB_URI: `${process.env.TEST_MONGODB_URI}${t.databaseName}` } });
  });
  afterAll(async () => {
    await other.app.close();
    await t.close();
  });

  /** A signed-in member's page through one process or the other: 200 signed in, 303 to sign-in otherwise. */
  const portal = (app: TestApp, cookie: string) =>
    request(app.app.getHttpServer()).get('/portal').set('Accept', 'text/html').set('Cookie', cookie);

  async function keptByBoth(cookie: string): Promise<void> {
    for (let i = 0; i < 2; i++) {
      await portal(t, cookie).expect(200);
      await portal(other, cookie).expect(200);
    }
  }

  it('signs a browser out in every process once it signed out through one', async () => {
    const member = await buildMember(t, { role: 'member' });
    const browser = await sessionFor(t, member);
    const otherDevice = await sessionFor(t, member);
    await keptByBoth(browser.cookie);
    await keptByBoth(otherDevice.cookie);
    await request(other.app.getHttpServer())
      .post('/sign-out')
      .set('Cookie', browser.cookie)
      .type('form')
      .send({ _csrf: browser.csrfToken })
      .expect(303);
    const signedOut = await portal(t, browser.cookie).expect(303);
    expect(signedOut.headers.location).toMatch(/^\/sign-in/);
    await portal(other, browser.cookie).expect(303);
    // The member's other session was not touched.
    await portal(t, otherDevice.cookie).expect(200);
    await portal(other, otherDevice.cookie).expect(200);
  });

  it('signs out every device in every process after "sign out everywhere" through one', async () => {
    const member = await buildMember(t, { role: 'member' });
    const phone = await sessionFor(t, member);
    const laptop = await sessionFor(t, member);
    const someoneElse = await signInAs(t, { role: 'member' });
    await keptByBoth(phone.cookie);
    await keptByBoth(laptop.cookie);
    await keptByBoth(someoneElse.cookie);
    await request(t.app.getHttpServer())
      .post('/sign-out/everywhere')
      .set('Cookie', phone.cookie)
      .type('form')
      .send({ _csrf: phone.csrfToken })
      .expect(303);
    for (const app of [t, other]) {
      await portal(app, phone.cookie).expect(303);
      await portal(app, laptop.cookie).expect(303);
      await portal(app, someoneElse.cookie).expect(200);
    }
  });

  it('ends a kept session when it expires, with nothing written, in every process', async () => {
    const member = await buildMember(t, { role: 'member' });
    const lifetimeMs = 8_000;
    const session = await sessionFor(t, member, lifetimeMs);
    const expiresAt = Date.now() + lifetimeMs;
    await keptByBoth(session.cookie);
    // Waiting for a deadline, not for something to happen: after it, the session must be over.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 200));
    await portal(t, session.cookie).expect(303);
    await portal(other, session.cookie).expect(303);
  });

  it('ends sessions removed by the expiry sweep in every process', async () => {
    const member = await buildMember(t, { role: 'member' });
    const session = await sessionFor(t, member);
    await keptByBoth(session.cookie);
    // The sweep removes what has expired by the time it runs: here, run as if a day had passed.
    const removed = await other.app.get(ExpiredSessions).removeExpired(new Date(Date.now() + 25 * 60 * 60 * 1000));
    expect(removed).toBeGreaterThanOrEqual(1);
    await portal(t, session.cookie).expect(303);
    await portal(other, session.cookie).expect(303);
  });
});
