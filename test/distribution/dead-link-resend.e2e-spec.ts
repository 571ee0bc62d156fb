import request from 'supertest';
import { hashToken } from '@roundtable/core';
import { LinkRepository } from '@roundtable/surveys';
import { createTestApp, TestApp } from '../support/create-test-app';
import { mailTo } from '../support/mailbox';
import { signInAs } from '../support/sessions';
import { buildAudience, buildSurvey, runQueue, surveyLinkIn } from './distribution-fixtures';

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
    // The new link replaced every earlier one.
    const links = t.app.get(LinkRepository);
    expect(await links.findActiveByHash(hashToken(fresh))).not.toBeNull();
    expect(await links.findActiveByHash(hashToken(second))).toBeNull();
    // Nobody else was mailed.
    for (const other of [emails[0], emails[2]]) {
      expect(await mailTo(other)).toHaveLength(1);
    }
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
