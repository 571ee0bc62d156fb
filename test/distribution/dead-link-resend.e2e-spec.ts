import request from 'supertest';
import { hashToken } from '@roundtable/core';
import { LinkRepository } from '@roundtable/surveys';
import { createTestApp, TestApp } from '../support/create-test-app';
import { mailTo } from '../support/mailbox';
import { signInAs } from '../support/sessions';
import { buildAudience, buildSurvey, runQueue, surveyLinkIn } from './distribution-fixtures';

/** A complete answer to the fixture survey: holds two of its three items, ranked. */
function chosen(): Record<string, string | string[]> {
  return { held: ['strategy', 'metrics'], rank_strategy: '1', rank_metrics: '2', action: 'submit' };
}

/**
 * A dead link's "send me a new link", end to end: the page's form reaches distribution's resend
 * (registered with surveys' SurveyLinkResendHook at start-up), the new link arrives through the
 * real SMTP sink and works; an address nobody invited gets the same answer and no email.
 */
describe('New link from a dead link page (real FerretDB and SMTP sink)', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let surveyId: string;
  let emails: string[];
  const label = `deadlink${Date.now().toString(36)}`;

  beforeAll(async () => {
    t = await createTestApp();
    emails = await buildAudience(t, 3, label);
    surveyId = await buildSurvey(t, `Dead link ${label}`);
    const staff = await signInAs(t, { role: 'staff' });
    await staff.agent.post(`/admin/surveys/${surveyId}/send`).type('form').send({ _csrf: staff.csrfToken }).expect(303);
    await runQueue(t);
  });
  afterAll(() => t.close());

  it('mails a working new link to an invited member who asks from a revoked link', async () => {
    const email = emails[1];
    const [invitation] = await mailTo(email);
    const first = surveyLinkIn(invitation.text);
    // Staff resend once, so the first link is revoked (a newer one exists).
    const staff = await signInAs(t, { role: 'staff' });
    await staff.agent.post(`/admin/surveys/${surveyId}/resend`).type('form').send({ _csrf: staff.csrfToken, email });
    await runQueue(t);
    const second = surveyLinkIn((await mailTo(email))[1].text);

    const server = t.app.getHttpServer();
    const dead = await request(server).get(`/s/${first}`).expect(410);
    expect(dead.text).toContain('This link has been replaced');
    expect(dead.text).toContain('action="/s/new-link"');
    expect(dead.text).toContain(`name="token" value="${first}"`);

    const asked = await request(server)
      .post('/s/new-link')
      .type('form')
      .send({ token: first, email: email.toUpperCase() })
      .expect(200);
    expect(asked.text).toContain('the council staff will send a new link');
    await runQueue(t);

    const theirs = await mailTo(email);
    expect(theirs).toHaveLength(3); // invitation, staff's resend, the one asked for
    const fresh = surveyLinkIn(theirs[2].text);
    expect(new Set([first, second, fresh]).size).toBe(3);
    const page = await request(server).get(`/s/${fresh}`).expect(200);
    expect(page.text).toContain(`Dead link ${label}`);
    expect(page.text).toContain('Customer strategy');
    // Asking adds a link; it disables none (staff's resend, above, is what replaces links).
    const links = t.app.get(LinkRepository);
    expect(await links.findActiveByHash(hashToken(fresh))).not.toBeNull();
    expect(await links.findActiveByHash(hashToken(second))).not.toBeNull();
    // Nobody else was mailed.
    for (const other of [emails[0], emails[2]]) {
      expect(await mailTo(other)).toHaveLength(1);
    }
  });

  it('leaves a member’s working link working when anyone asks for a new one, and keeps one response', async () => {
    const email = emails[0];
    const [invitation] = await mailTo(email);
    const working = surveyLinkIn(invitation.text);
    const server = t.app.getHttpServer();
    // Someone else, signed out and cross-site, asks for the member's link.
    await request(server)
      .post('/s/new-link')
      .type('form')
      .set('Origin', 'https://elsewhere.example')
      .send({ email })
      .expect(200);
    await runQueue(t);
    const theirs = await mailTo(email);
    expect(theirs).toHaveLength(2);
    const added = surveyLinkIn(theirs[1].text);
    expect(added).not.toBe(working);

    await request(server).get(`/s/${working}`).expect(200);
    const first = await request(server).post(`/s/${working}`).type('form').send(chosen()).expect(303);
    expect(first.headers.location).toBe(`/s/${working}?done=1`);
    // Both links answer the one response of the invitation: the second submit updates it.
    const again = await request(server).post(`/s/${added}`).type('form').send(chosen()).expect(303);
    expect(again.headers.location).toBe(`/s/${added}?updated=1`);
    const stored = await t.connection.collection('survey_responses').countDocuments({ surveyId });
    expect(stored).toBe(1);
    // Once the member answers through the link they asked for (their mailbox, so theirs), it retires the
    // others: a leaked earlier link stops working then, and not before.
    const replaced = await request(server).get(`/s/${working}`).expect(410);
    expect(replaced.text).toContain('This link has been replaced');
    await request(server).post(`/s/${working}`).type('form').send(chosen()).expect(410);
    await request(server).get(`/s/${added}`).expect(200);
  });

  it('mails one address at most three new links a day, however many addresses ask', async () => {
    const email = emails[2];
    const server = t.app.getHttpServer();
    const before = (await mailTo(email)).length;
    for (let n = 1; n <= 6; n += 1) {
      const asked = await request(server)
        .post('/s/new-link')
        .type('form')
        .set('X-Forwarded-For', `198.51.100.${n}`)
        .send({ email });
      // Past the address's limit the answer is the same page: nothing tells the asker it stopped.
      expect(asked.status).toBe(200);
      expect(asked.text).toContain('the council staff will send a new link');
    }
    await runQueue(t);
    expect((await mailTo(email)).length - before).toBe(3);
  });

  it('gives an address nobody invited the same answer and sends it nothing', async () => {
    const stranger = `${label}.stranger@example.test`;
    const unknownToken = 'A'.repeat(43);
    const dead = await request(t.app.getHttpServer()).get(`/s/${unknownToken}`).expect(404);
    expect(dead.text).toContain('We do not recognise this link');

    const asked = await request(t.app.getHttpServer())
      .post('/s/new-link')
      .type('form')
      .send({ token: unknownToken, email: stranger })
      .expect(200);
    expect(asked.text).toContain('the council staff will send a new link');
    await runQueue(t);
    expect(await mailTo(stranger)).toHaveLength(0);
  });
});
