import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { MemberRepository } from '@roundtable/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildMember, uniqueEmail } from '../support/factories';
import { csrfFrom } from '../support/forms';
import { deliverAndRead, linkIn, mailTo } from '../support/mailbox';
import { expireSignInTokens } from '../support/sign-ins';

const OIDC = () => process.env.TEST_OIDC_URL!;

async function queueLinkedInUser(claims: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${OIDC()}/__control/next-user`, { method: 'POST', body: JSON.stringify(claims) });
  expect(response.status).toBe(204);
}

/** Walks the OpenID Connect flow the way a browser does: our redirect, the provider's, our callback. */
async function linkedInSignIn(agent: TestAgent, start = '/auth/linkedin') {
  const toProvider = await agent.get(start).expect(302);
  const authorizeUrl = new URL(toProvider.headers.location);
  expect(authorizeUrl.origin).toBe(OIDC());
  expect(authorizeUrl.searchParams.get('scope')).toBe('openid profile email');
  expect(authorizeUrl.searchParams.get('state')).toMatch(/.{16,}/);
  const fromProvider = await fetch(authorizeUrl, { redirect: 'manual' });
  const callback = new URL(fromProvider.headers.get('location')!);
  return { callback: `${callback.pathname}${callback.search}`, state: authorizeUrl.searchParams.get('state')! };
}

describe('Signing in', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('with LinkedIn (OpenID Connect against the local provider)', () => {
    it('creates an applicant, rotates the session and lands on the application', async () => {
      const email = uniqueEmail('linkedin');
      await queueLinkedInUser({
        email,
        name: 'Lin Kedin',
        email_verified: true,
        picture: 'https://media.example.test/p.jpg',
      });
      const agent = request.agent(t.app.getHttpServer());
      await agent.get('/sign-in').expect(200); // a visitor's session, to check it is replaced
      const before = (await agent.get('/sign-in')).headers['set-cookie'];
      const { callback } = await linkedInSignIn(agent);
      const signedIn = await agent.get(callback).expect(303);
      expect(signedIn.headers.location).toBe('/apply');
      expect(signedIn.headers['set-cookie']?.[0]).toMatch(/^rt\.sid=.*HttpOnly; SameSite=Lax/);
      expect(signedIn.headers['set-cookie']?.[0]).not.toBe(before?.[0]);

      const member = await t.app.get(MemberRepository).findByEmail(email);
      expect(member).toMatchObject({
        name: 'Lin Kedin',
        role: 'applicant',
        pictureUrl: 'https://media.example.test/p.jpg',
      });
      const portal = await agent.get('/portal').expect(200);
      expect(portal.text).toContain('Lin Kedin');
    });

    it('links the LinkedIn subject to the existing member with that email, once', async () => {
      const existing = await buildMember(t, { role: 'member', name: 'Existing Member' });
      const claims = { sub: `sub-${Date.now()}`, email: existing.email, name: 'Other Name', email_verified: true };
      for (let i = 0; i < 2; i += 1) {
        await queueLinkedInUser(claims);
        const agent = request.agent(t.app.getHttpServer());
        const { callback } = await linkedInSignIn(agent, '/auth/linkedin?returnTo=%2Fportal%2Fprofile');
        const landed = await agent.get(callback).expect(303);
        expect(landed.headers.location).toBe('/portal/profile');
      }
      const identities = await t.connection
        .collection('linkedin_identities')
        .find({ memberId: String(existing._id) })
        .toArray();
      expect(identities).toHaveLength(1);
      expect((await t.app.get(MemberRepository).findById(String(existing._id)))?.name).toBe('Existing Member');
    });

    it('refuses an email LinkedIn has not verified', async () => {
      const email = uniqueEmail('unverified');
      await queueLinkedInUser({ email, email_verified: false });
      const agent = request.agent(t.app.getHttpServer());
      const { callback } = await linkedInSignIn(agent);
      const refused = await agent.get(callback).set('Accept', 'text/html').expect(400);
      expect(refused.text).toContain('LinkedIn has not verified the email address');
      expect(await t.app.get(MemberRepository).findByEmail(email)).toBeNull();
    });

    it('refuses a replayed callback and a forged state with a clear 400', async () => {
      await queueLinkedInUser({ email: uniqueEmail('replay'), email_verified: true });
      const agent = request.agent(t.app.getHttpServer());
      const { callback } = await linkedInSignIn(agent);
      await agent.get(callback).expect(303);
      const replayed = await agent.get(callback).set('Accept', 'text/html').expect(400);
      expect(replayed.text).toContain('could not be verified');

      await queueLinkedInUser({ email: uniqueEmail('forged'), email_verified: true });
      const victim = request.agent(t.app.getHttpServer());
      const { callback: genuine, state } = await linkedInSignIn(victim);
      const forged = genuine.replace(`state=${state}`, 'state=forged-state-value');
      const refused = await victim.get(forged).set('Accept', 'text/html').expect(400);
      expect(refused.text).toContain('could not be verified');
      expect(refused.text).toContain('Sign in again');
      const json = await victim.get(forged).set('Accept', 'application/json').expect(400);
      expect(json.body).toMatchObject({ statusCode: 400, message: expect.stringContaining('could not be verified') });
    });

    it('says so when the person cancels at LinkedIn', async () => {
      const page = await request(t.app.getHttpServer())
        .get('/auth/linkedin/callback?error=access_denied&state=x')
        .set('Accept', 'text/html')
        .expect(400);
      expect(page.text).toContain('LinkedIn sign-in was cancelled');
    });
  });

  describe('with an email link', () => {
    async function askForLink(agent: TestAgent, email: string, returnTo = '') {
      const form = await agent
        .get(`/sign-in${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`)
        .expect(200);
      return agent
        .post('/sign-in/email')
        .type('form')
        .send({ _csrf: csrfFrom(form.text), email, returnTo });
    }

    it('mails a single-use link whose GET only asks to confirm, and whose POST signs in', async () => {
      const member = await buildMember(t, { role: 'member' });
      const agent = request.agent(t.app.getHttpServer());
      const sent = await askForLink(agent, member.email.toUpperCase(), '/portal/profile');
      // On to "check your email" (a reload there sends no second link).
      expect(sent.status).toBe(303);
      expect(sent.headers.location).toBe('/sign-in/check-email');
      const check = await agent.get('/sign-in/check-email').expect(200);
      expect(check.text).toContain('Check your email');
      expect(check.text).toContain(`<strong>${member.email}</strong>`);

      const mail = await deliverAndRead(t, member.email, /sign-in link/);
      const link = linkIn(mail, 'http://127.0.0.1/sign-in/email/');
      const path = new URL(link).pathname;

      // A mail scanner's GET does not sign in or use the link up.
      const scanner = await request(t.app.getHttpServer()).get(path).expect(200);
      expect(scanner.text).toContain(`Sign in as ${member.email}?`);
      await request(t.app.getHttpServer()).get(path).expect(200);

      const confirm = await agent.get(path).expect(200);
      const signedIn = await agent
        .post(path)
        .type('form')
        .send({ _csrf: csrfFrom(confirm.text) })
        .expect(303);
      expect(signedIn.headers.location).toBe('/portal/profile');
      await agent.get('/portal').expect(200);

      const again = await agent.get(path).set('Accept', 'text/html').expect(400);
      expect(again.text).toContain('already been used');
      // Another browser holding the used link cannot sign in with it.
      const other = request.agent(t.app.getHttpServer());
      const otherForm = await other.get(path).set('Accept', 'text/html');
      expect(otherForm.status).toBe(400);
      const ownForm = await other.get('/sign-in').expect(200);
      const reuse = await other
        .post(path)
        .set('Accept', 'text/html')
        .type('form')
        .send({ _csrf: csrfFrom(ownForm.text) });
      expect(reuse.status).toBe(400);
      expect(reuse.text).toContain('already been used');
      expect((await other.get('/portal').set('Accept', 'text/html')).status).toBe(303);
    });

    it('shows "check your email" only after a link was asked for, and sends no second mail on a reload', async () => {
      const fresh = request.agent(t.app.getHttpServer());
      const away = await fresh.get('/sign-in/check-email').expect(303);
      expect(away.headers.location).toBe('/sign-in');

      const email = uniqueEmail('reload');
      const agent = request.agent(t.app.getHttpServer());
      expect((await askForLink(agent, email)).status).toBe(303);
      await agent.get('/sign-in/check-email').expect(200);
      await agent.get('/sign-in/check-email').expect(200);
      await deliverAndRead(t, email, /sign-in link/);
      expect(await mailTo(email)).toHaveLength(1);
    });

    it('refuses an expired link', async () => {
      const member = await buildMember(t, { role: 'member' });
      const agent = request.agent(t.app.getHttpServer());
      await askForLink(agent, member.email);
      const mail = await deliverAndRead(t, member.email, /sign-in link/);
      const path = new URL(linkIn(mail, 'http://127.0.0.1/sign-in/email/')).pathname;
      await expireSignInTokens(t, member.email);
      const page = await agent.get(path).set('Accept', 'text/html').expect(400);
      expect(page.text).toContain('has expired');
      expect(page.text).toContain('Sign in again');
      const confirmForm = await agent.get('/sign-in');
      await agent
        .post(path)
        .type('form')
        .send({ _csrf: csrfFrom(confirmForm.text) })
        .expect(400);
    });

    it('refuses a made-up link without a database lookup leaking anything', async () => {
      const page = await request(t.app.getHttpServer())
        .get('/sign-in/email/not-a-token')
        .set('Accept', 'text/html')
        .expect(400);
      expect(page.text).toContain('not valid');
    });

    it('shows the form again with the address and the problem when the address is malformed', async () => {
      const agent = request.agent(t.app.getHttpServer());
      const page = await askForLink(agent, 'not-an-address', '/portal/profile');
      expect(page.status).toBe(422);
      expect(page.text).toContain('<p class="error" id="email-error">Please enter a valid email address');
      expect(page.text).toContain('<a href="#email">Please enter a valid email address');
      expect(page.text).toContain('value="not-an-address"');
      expect(page.text).toContain('value="/portal/profile"');
    });

    it('limits links per address', async () => {
      const email = uniqueEmail('limited');
      const agent = request.agent(t.app.getHttpServer());
      for (let i = 0; i < 5; i += 1) {
        expect((await askForLink(agent, email)).status).toBe(303);
      }
      const limited = await askForLink(agent, email);
      expect(limited.status).toBe(429);
      expect(limited.text).toContain('Too many sign-in links');
      expect(limited.text).toContain(`value="${email}"`);
      expect(await t.app.get(MemberRepository).findByEmail(email)).toBeNull(); // asking creates no member
      await deliverAndRead(t, email, /sign-in link/);
      expect(await mailTo(email)).toHaveLength(5);
    });

    it('ignores an open-redirect returnTo', async () => {
      const member = await buildMember(t, { role: 'member' });
      const agent = request.agent(t.app.getHttpServer());
      await askForLink(agent, member.email, 'https://evil.example/steal');
      const mail = await deliverAndRead(t, member.email, /sign-in link/);
      const path = new URL(linkIn(mail, 'http://127.0.0.1/sign-in/email/')).pathname;
      const confirm = await agent.get(path);
      const signedIn = await agent
        .post(path)
        .type('form')
        .send({ _csrf: csrfFrom(confirm.text) })
        .expect(303);
      expect(signedIn.headers.location).toBe('/portal');
    });
  });

  describe('signing out', () => {
    it('signs out this browser, and everywhere', async () => {
      const member = await buildMember(t, { role: 'member' });
      const agents: TestAgent[] = [];
      for (let i = 0; i < 2; i += 1) {
        const agent = request.agent(t.app.getHttpServer());
        const form = await agent.get('/sign-in');
        await agent
          .post('/sign-in/email')
          .type('form')
          .send({ _csrf: csrfFrom(form.text), email: member.email });
        const mail = await deliverAndRead(t, member.email, /sign-in link/);
        const path = new URL(linkIn(mail, 'http://127.0.0.1/sign-in/email/')).pathname;
        const confirm = await agent.get(path);
        await agent
          .post(path)
          .type('form')
          .send({ _csrf: csrfFrom(confirm.text) })
          .expect(303);
        agents.push(agent);
      }
      const portal = await agents[0].get('/portal').expect(200);
      await agents[0]
        .post('/sign-out/everywhere')
        .type('form')
        .send({ _csrf: csrfFrom(portal.text) })
        .expect(303);
      await agents[0].get('/portal').set('Accept', 'text/html').expect(303);
      await agents[1].get('/portal').set('Accept', 'text/html').expect(303);
    });

    it('gives API clients a CSRF token', async () => {
      const agent = request.agent(t.app.getHttpServer());
      const response = await agent.get('/api/auth/csrf').expect(200);
      expect(response.body.csrfToken).toMatch(/^[a-f0-9]{64,}$/);
    });
  });
});
