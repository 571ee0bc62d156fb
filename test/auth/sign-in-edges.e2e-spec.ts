import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { MemberRepository } from '@roundtable/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildMember, uniqueEmail } from '../support/factories';
import { csrfFrom } from '../support/forms';
import { deliverAndRead, linkIn } from '../support/mailbox';
import { sessionFor, signInAs } from '../support/sessions';

const OIDC = () => process.env.TEST_OIDC_URL!;

async function queueLinkedInUser(claims: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${OIDC()}/__control/next-user`, { method: 'POST', body: JSON.stringify(claims) });
  expect(response.status).toBe(204);
}

/** Our redirect to the provider, the provider's redirect back: the callback path to GET. */
async function throughProvider(agent: TestAgent, start: string): Promise<string> {
  const toProvider = await agent.get(start).expect(302);
  const fromProvider = await fetch(toProvider.headers.location, { redirect: 'manual' });
  const callback = new URL(fromProvider.headers.get('location')!);
  return `${callback.pathname}${callback.search}`;
}

/** Asks for a link as `ip` (the app trusts X-Forwarded-For from loopback, like behind a proxy). */
async function askForLink(agent: TestAgent, email: unknown, ip = '198.51.100.1') {
  const form = await agent.get('/sign-in').expect(200);
  return agent
    .post('/sign-in/email')
    .set('X-Forwarded-For', ip)
    .type('form')
    .send({ _csrf: csrfFrom(form.text), email } as Record<string, unknown>);
}

async function linkPathFor(t: TestApp, agent: TestAgent, email: string): Promise<string> {
  expect((await askForLink(agent, email)).status).toBe(303);
  const mail = await deliverAndRead(t, email, /sign-in link/);
  return new URL(linkIn(mail, 'http://127.0.0.1/sign-in/email/')).pathname;
}

describe('Sign-in under bad input and odd timing', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('LinkedIn', () => {
    it.each(['https://evil.example/steal', '//evil.example', '/\\evil.example', 'javascript:alert(1)'])(
      'ignores the open-redirect returnTo %p',
      async (returnTo) => {
        await queueLinkedInUser({ email: uniqueEmail('redirect'), email_verified: true });
        const agent = request.agent(t.app.getHttpServer());
        const callback = await throughProvider(agent, `/auth/linkedin?returnTo=${encodeURIComponent(returnTo)}`);
        const landed = await agent.get(callback).expect(303);
        expect(landed.headers.location).toBe('/apply');
      },
    );

    it('links a member to one LinkedIn subject only, and says so to a second subject', async () => {
      const member = await buildMember(t, { role: 'member' });
      await queueLinkedInUser({ sub: `first-${Date.now()}`, email: member.email, email_verified: true });
      const first = request.agent(t.app.getHttpServer());
      await first.get(await throughProvider(first, '/auth/linkedin')).expect(303);

      await queueLinkedInUser({ sub: `second-${Date.now()}`, email: member.email, email_verified: true });
      const second = request.agent(t.app.getHttpServer());
      const refused = await second
        .get(await throughProvider(second, '/auth/linkedin'))
        .set('Accept', 'text/html')
        .expect(400);
      expect(refused.text).toContain('already linked to a different LinkedIn account');
      await second.get('/portal').set('Accept', 'text/html').expect(303);
    });

    it('refuses a callback with no state at all', async () => {
      const page = await request(t.app.getHttpServer())
        .get('/auth/linkedin/callback?code=abc')
        .set('Accept', 'text/html')
        .expect(400);
      expect(page.text).toContain('could not be verified');
    });
  });

  describe('email links', () => {
    it('stores only the hash of the token', async () => {
      const member = await buildMember(t, { role: 'member' });
      const path = await linkPathFor(t, request.agent(t.app.getHttpServer()), member.email);
      const token = path.split('/').pop()!;
      const stored = await t.connection.collection('sign_in_tokens').find({ email: member.email }).toArray();
      expect(stored).toHaveLength(1);
      expect(JSON.stringify(stored)).not.toContain(token);
      expect(stored[0].tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    });

    it('signs in only once when the same link is confirmed three times at the same moment', async () => {
      // Several rounds, since a race shows itself only some of the time.
      for (let round = 0; round < 5; round += 1) {
        const member = await buildMember(t, { role: 'member' });
        const agent = request.agent(t.app.getHttpServer());
        const path = await linkPathFor(t, agent, member.email);
        const csrf = csrfFrom((await agent.get(path).expect(200)).text);
        const results = await Promise.all(
          [0, 1, 2].map(() => agent.post(path).type('form').send({ _csrf: csrf }).set('Accept', 'text/html')),
        );
        const losers = results.filter((r) => r.status !== 303);
        expect(losers).toHaveLength(2);
        // A loser finds the link used (400), or, if the winner already replaced the session that carried
        // the form, the form expired (403): which one depends on how fast the database answers.
        for (const loser of losers) {
          expect([400, 403]).toContain(loser.status);
          expect(loser.text).toMatch(loser.status === 400 ? /already been used/ : /form has expired/);
        }
      }
    });

    it('limits links per IP address, whatever the addresses asked for', async () => {
      const agent = request.agent(t.app.getHttpServer());
      for (let i = 0; i < 20; i += 1) {
        expect((await askForLink(agent, uniqueEmail('ip-limit'), '203.0.113.9')).status).toBe(303);
      }
      const limited = await askForLink(agent, uniqueEmail('ip-limit'), '203.0.113.9');
      expect(limited.status).toBe(429);
      expect(limited.text).toContain('Too many sign-in links');
      // Another address from another IP is not held up by it.
      expect((await askForLink(agent, uniqueEmail('ip-other'), '203.0.113.10')).status).toBe(303);
    });

    it('holds to the per-address limit when the requests come all at once', async () => {
      const email = uniqueEmail('burst');
      const agents = Array.from({ length: 12 }, () => request.agent(t.app.getHttpServer()));
      const forms = await Promise.all(agents.map((agent) => agent.get('/sign-in').expect(200)));
      const answers = await Promise.all(
        agents.map((agent, i) =>
          agent
            .post('/sign-in/email')
            .set('X-Forwarded-For', `192.0.2.${i + 1}`)
            .type('form')
            .send({ _csrf: csrfFrom(forms[i].text), email }),
        ),
      );
      // Never more than the limit; in a burst a few more may be refused than strictly needed.
      const sent = answers.filter((answer) => answer.status === 303).length;
      expect(sent).toBeLessThanOrEqual(5);
      expect(answers.filter((answer) => answer.status === 429)).toHaveLength(12 - sent);
      expect(await t.connection.collection('sign_in_tokens').countDocuments({ email })).toBe(sent);
    });

    it('answers a malformed form (an array for the address) with the form and a 422', async () => {
      const agent = request.agent(t.app.getHttpServer());
      const form = await agent.get('/sign-in').expect(200);
      const page = await agent
        .post('/sign-in/email')
        .type('form')
        .send(`_csrf=${csrfFrom(form.text)}&email=a%40b.test&email=c%40d.test`)
        .expect(422);
      expect(page.text).toContain('<p class="error" id="email-error">Please enter a valid email address');
    });

    it('answers an oversized form with a 413 and a readable message', async () => {
      const agent = request.agent(t.app.getHttpServer());
      const form = await agent.get('/sign-in').expect(200);
      const page = await agent
        .post('/sign-in/email')
        .type('form')
        .set('Accept', 'text/html')
        .send({ _csrf: csrfFrom(form.text), email: `${'a'.repeat(150 * 1024)}@example.test` });
      expect(page.status).toBe(413);
      expect(page.text).toMatch(/too large/i);
    });

    it('refuses a sign-in form posted without its CSRF token', async () => {
      const page = await request(t.app.getHttpServer())
        .post('/sign-in/email')
        .type('form')
        .set('Accept', 'text/html')
        .send({ email: 'someone@example.test' });
      expect(page.status).toBe(403);
      expect(page.text).toContain('This form has expired or did not come from this site');
    });
  });

  describe('sessions', () => {
    it('sends a tampered session cookie to the sign-in page, as a visitor', async () => {
      const { cookie, agent } = await signInAs(t, { role: 'member' });
      await agent.get('/portal').expect(200);
      const tampered = cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      const page = await request(t.app.getHttpServer())
        .get('/portal')
        .set('Cookie', tampered)
        .set('Accept', 'text/html')
        .expect(303);
      expect(page.headers.location).toBe('/sign-in?returnTo=%2Fportal');
    });

    it('sends a signed-in person away from the sign-in page, but only to a path on this site', async () => {
      const { agent } = await signInAs(t, { role: 'member' });
      const away = await agent.get('/sign-in?returnTo=https%3A%2F%2Fevil.example').expect(303);
      expect(away.headers.location).toBe('/portal');
      const on = await agent.get('/sign-in?returnTo=%2Fportal%2Fprofile').expect(303);
      expect(on.headers.location).toBe('/portal/profile');
    });

    it('signs out this browser only; the other device stays signed in', async () => {
      const member = await buildMember(t, { role: 'member' });
      const phone = await sessionFor(t, member);
      const laptop = await sessionFor(t, member);
      await phone.agent.post('/sign-out').type('form').send({ _csrf: phone.csrfToken }).expect(303);
      await phone.agent.get('/portal').set('Accept', 'text/html').expect(303);
      await laptop.agent.get('/portal').expect(200);
    });

    it('signs out everywhere, the asking browser included, without an error', async () => {
      const member = await buildMember(t, { role: 'member' });
      const phone = await sessionFor(t, member);
      const laptop = await sessionFor(t, member);
      const logged = jest.spyOn(Logger.prototype, 'error');
      const done = await phone.agent
        .post('/sign-out/everywhere')
        .type('form')
        .send({ _csrf: phone.csrfToken })
        .expect(303);
      expect(done.headers.location).toBe('/sign-in?signedOut=everywhere');
      // The session store finishes after the response; give it a moment to complain, if it would.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(logged).not.toHaveBeenCalled();
      logged.mockRestore();
      expect(await t.connection.collection('sessions').countDocuments({ 'session.memberId': String(member._id) })).toBe(
        0,
      );
      await phone.agent.get('/portal').set('Accept', 'text/html').expect(303);
      await laptop.agent.get('/portal').set('Accept', 'text/html').expect(303);
      expect(await t.app.get(MemberRepository).findById(String(member._id))).not.toBeNull();
    });

    it('does not write the session to the database on every page view', async () => {
      const member = await buildMember(t, { role: 'member' });
      const agent = request.agent(t.app.getHttpServer());
      const path = await linkPathFor(t, agent, member.email);
      const csrf = csrfFrom((await agent.get(path).expect(200)).text);
      await agent.post(path).type('form').send({ _csrf: csrf }).expect(303);
      await agent.get('/portal').expect(200); // the new session's first page gives it a CSRF token: a write
      const sessions = t.connection.collection('sessions');
      const before = await sessions.findOne({ 'session.memberId': String(member._id) });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await agent.get('/portal').expect(200);
      const after = await sessions.findOne({ 'session.memberId': String(member._id) });
      expect(after?.expires).toEqual(before?.expires);
    });

    it('gives an API client a CSRF token that its next write must carry', async () => {
      const member = await buildMember(t, { role: 'member' });
      const client = await sessionFor(t, member);
      const { body } = await client.agent.get('/api/auth/csrf').expect(200);
      await client.agent.post('/sign-out').set('x-csrf-token', 'not-the-token').expect(403);
      await client.agent.post('/sign-out').set('x-csrf-token', body.csrfToken).expect(303);
    });
  });
});
