import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildMember, uniqueEmail } from '../support/factories';
import { csrfFrom } from '../support/forms';
import { deliverAndRead, linkIn } from '../support/mailbox';
import { expireSignInTokens } from '../support/sign-ins';

/** Asks for a link on one device; returns the "check your email" page and the mail's link and code. */
async function askOn(t: TestApp, agent: TestAgent, email: string) {
  const form = await agent.get('/sign-in').expect(200);
  const sent = await agent
    .post('/sign-in/email')
    .type('form')
    .send({ _csrf: csrfFrom(form.text), email })
    .expect(303);
  expect(sent.headers.location).toBe('/sign-in/check-email');
  const page = await agent.get('/sign-in/check-email').expect(200);
  const mail = await deliverAndRead(t, email, /sign-in link/);
  const code = /Enter this code on the sign-in page instead: (\d{3} \d{3})/.exec(mail.text)?.[1];
  expect(code).toBeDefined();
  return { page, code: code!, linkPath: new URL(linkIn(mail, 'http://127.0.0.1/sign-in/email/')).pathname };
}

/** A code that is not `code`. */
function otherThan(code: string): string {
  return String((Number(code.replace(' ', '')) + 1) % 1_000_000).padStart(6, '0');
}

function enterCode(agent: TestAgent, page: string, email: string, code: string) {
  return agent
    .post('/sign-in/code')
    .type('form')
    .set('Accept', 'text/html')
    .send({ _csrf: csrfFrom(page), email, code });
}

describe('Signing in with the code from the email', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs in on the device that asked, with the code read on another; the link is then used up', async () => {
    const member = await buildMember(t, { role: 'member', name: 'Cody Reader' });
    const laptop = request.agent(t.app.getHttpServer());
    const { page, code, linkPath } = await askOn(t, laptop, member.email);
    expect(page.text).toContain('Code from the email');

    const signedIn = await enterCode(laptop, page.text, member.email, code).expect(303);
    expect(signedIn.headers.location).toBe('/portal');
    expect((await laptop.get('/portal').expect(200)).text).toContain('Welcome, Cody Reader');

    const phone = await request(t.app.getHttpServer()).get(linkPath).set('Accept', 'text/html').expect(400);
    expect(phone.text).toContain('already been used');
    const again = request.agent(t.app.getHttpServer());
    const form = await again.get('/sign-in');
    expect((await enterCode(again, form.text, member.email, code)).status).toBe(422);
  });

  it('signs a new address in as an applicant, who goes on to the application', async () => {
    const email = uniqueEmail('code-newcomer');
    const agent = request.agent(t.app.getHttpServer());
    const { page, code } = await askOn(t, agent, email);
    const signedIn = await enterCode(agent, page.text, email, code.replace(' ', '')).expect(303);
    expect(signedIn.headers.location).toBe('/apply');
  });

  it('shows the code form again (422) with the problem beside the code, for a wrong or malformed code', async () => {
    const member = await buildMember(t, { role: 'member' });
    const agent = request.agent(t.app.getHttpServer());
    const { page, code } = await askOn(t, agent, member.email);
    const wrong = otherThan(code);
    const refused = await enterCode(agent, page.text, member.email, wrong).expect(422);
    expect(refused.text).toContain('<p class="error" id="code-error">That code is not right, or it has expired');
    expect(refused.text).toContain(`value="${member.email}"`);
    expect(refused.text).toContain(`value="${wrong}"`);
    const malformed = await enterCode(agent, page.text, member.email, 'abc').expect(422);
    expect(malformed.text).toContain('<p class="error" id="code-error">Please enter the six-digit code');
    expect(malformed.text).toContain('value="abc"');
    await agent.get('/portal').set('Accept', 'text/html').expect(303);
  });

  it('allows five tries per address, then refuses even the right code for a while', async () => {
    const member = await buildMember(t, { role: 'member' });
    const agent = request.agent(t.app.getHttpServer());
    const { page, code } = await askOn(t, agent, member.email);
    for (let i = 0; i < 5; i += 1) {
      expect((await enterCode(agent, page.text, member.email, otherThan(code))).status).toBe(422);
    }
    const limited = await enterCode(agent, page.text, member.email, code);
    expect(limited.status).toBe(429);
    expect(limited.text).toContain('Too many codes were tried');
  });

  it('refuses the code of an expired link', async () => {
    const member = await buildMember(t, { role: 'member' });
    const agent = request.agent(t.app.getHttpServer());
    const { page, code } = await askOn(t, agent, member.email);
    await expireSignInTokens(t, member.email);
    const refused = await enterCode(agent, page.text, member.email, code).expect(422);
    expect(refused.text).toContain('That code is not right, or it has expired');
  });
});
