import request from 'supertest';
import { SESSIONS_COLLECTION } from '@roundtable/auth';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildMember, uniqueEmail } from '../support/factories';
import { csrfFrom } from '../support/forms';
import { deliverAndRead, linkIn } from '../support/mailbox';
import { signInAs } from '../support/sessions';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

/** Asks for a sign-in link and signs in with it; returns the agent and the sign-in answer. */
async function signInByLink(t: TestApp, email: string) {
  const agent = request.agent(t.app.getHttpServer());
  const form = await agent.get('/sign-in').expect(200);
  await agent
    .post('/sign-in/email')
    .type('form')
    .send({ _csrf: csrfFrom(form.text), email })
    .expect(303);
  const mail = await deliverAndRead(t, email, /sign-in link/);
  const path = new URL(linkIn(mail, 'http://127.0.0.1/sign-in/email/')).pathname;
  const confirm = await agent.get(path).expect(200);
  const signedIn = await agent
    .post(path)

    .type('form')
    .send({ _csrf: csrfFrom(confirm.text) })
    .expect(303);
  return { agent, signedIn };
}

describe('Lifetimes and limits', () => {
  describe('on plain http', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('an email link lasts 15 minutes', async () => {
      const email = uniqueEmail('lifetime');
      const asked = Date.now();
      const agent = request.agent(t.app.getHttpServer());
      const form = await agent.get('/sign-in').expect(200);
      await agent
        .post('/sign-in/email')
        .type('form')
        .send({ _csrf: csrfFrom(form.text), email })
        .expect(303);
      const token = await t.connection.collection('sign_in_tokens').findOne({ email });
      const lifetime = (token!.expiresAt as Date).getTime() - asked;
      expect(lifetime).toBeGreaterThan(14 * MINUTE);
      expect(lifetime).toBeLessThanOrEqual(15 * MINUTE + 5000);
    });

    it('a session lasts SESSION_MAX_AGE_DAYS (14 days by default), in the cookie and in the store', async () => {
      const member = await buildMember(t, { role: 'member' });
      const before = Date.now();
      const { signedIn } = await signInByLink(t, member.email);
      const cookie = signedIn.headers['set-cookie']![0];
      const expires = new Date(/Expires=([^;]+)/.exec(cookie)![1]).getTime();
      expect(Math.abs(expires - (before + 14 * DAY))).toBeLessThan(2 * MINUTE);
      expect(cookie).not.toMatch(/;\s*Secure/i);
      const sid = /^rt\.sid=s:([^.;]+)/.exec(decodeURIComponent(cookie))![1];
      const stored = await t.connection.collection(SESSIONS_COLLECTION).findOne({ _id: sid as never });
      expect(Math.abs((stored!.expires as Date).getTime() - (before + 14 * DAY))).toBeLessThan(2 * MINUTE);
    });

    it('limits guest comments per IP address, whatever name, email or session they use', async () => {
      const staff = await signInAs(t, { role: 'staff' });
      await staff.agent
        .post('/admin/posts')
        .type('form')
        .send({ _csrf: staff.csrfToken, title: 'Open thread', bodyMarkdown: 'Talk.', action: 'publish' })
        .expect(303);
      await staff.agent
        .post('/admin/comments/settings')
        .type('form')
        .send({ _csrf: staff.csrfToken, guestComments: 'on' })
        .expect(303);
      const guestComment = async (ip: string, n: number) => {
        const guest = request.agent(t.app.getHttpServer());
        const page = await guest.get('/blog/open-thread').set('X-Forwarded-For', ip).expect(200);
        return guest
          .post('/blog/open-thread/comments')
          .set('X-Forwarded-For', ip)
          .type('form')
          .send({
            _csrf: csrfFrom(page.text),
            name: `Guest ${n}`,
            email: `guest-${n}-${ip}@example.test`,
            body: `Hello ${n}`,
          });
      };
      for (let n = 0; n < 5; n += 1) {
        expect((await guestComment('203.0.113.7', n)).status).toBe(303);
      }
      const sixth = await guestComment('203.0.113.7', 5);
      expect(sixth.status).toBe(429);
      expect(sixth.text).toContain('You are commenting very fast');
      expect((await guestComment('198.51.100.9', 6)).status).toBe(303);
      expect(await t.connection.collection('comments').countDocuments({ body: /^Hello / })).toBe(6);
    });
  });

  describe('behind https (a proxy saying X-Forwarded-Proto: https)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { APP_BASE_URL: 'https://council.example' } });
    });
    afterAll(() => t.close());

    it('marks the session cookie Secure, and sets none over plain http', async () => {
      // The sign-in page starts a session (its form needs a CSRF token).
      const secure = await request(t.app.getHttpServer()).get('/sign-in').set('X-Forwarded-Proto', 'https').expect(200);
      expect(secure.headers['set-cookie']![0]).toMatch(/^rt\.sid=.*;\s*Secure/i);
      const plain = await request(t.app.getHttpServer()).get('/sign-in').expect(200);
      expect(plain.headers['set-cookie']).toBeUndefined();
    });
  });
});
