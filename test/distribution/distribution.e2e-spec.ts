import request from 'supertest';
import { hashToken } from '@roundtable/core';
import { SurveyBookkeeping } from '@roundtable/distribution';
import { LinkRepository, SurveyRepository } from '@roundtable/surveys';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs, SignedIn } from '../support/sessions';
import { buildAudience, buildSurvey, runQueue, sinkMail, surveyLinkIn } from './distribution-fixtures';

describe('Survey distribution to 200 members (real FerretDB and SMTP sink)', () => {
  let t: TestApp;
  let staff: SignedIn;
  let surveyId: string;
  let emails: string[];
  const label = `dist${Date.now().toString(36)}`;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signInAs(t, { role: 'staff' });
    emails = await buildAudience(t, 200, label);
    // Not in the audience: an applicant and a lapsed member.
    await signInAs(t, { role: 'applicant', email: `${label}.applicant@example.test` });
    await signInAs(t, {
      email: `${label}.lapsed@example.test`,
      membership: { tier: 'council', state: 'lapsed', entitlements: [] },
    });
    surveyId = await buildSurvey(t, `Accountabilities ${label}`);
  }, 180_000);
  afterAll(() => t.close());

  const progressPage = () =>
    staff.agent.get(`/admin/surveys/${surveyId}/progress`).set('Accept', 'text/html').expect(200);
  const figure = (html: string, name: string) => new RegExp(`data-figure="${name}">([^<]*)<`).exec(html)?.[1];

  jest.setTimeout(180_000);

  it('sends one invitation email per member of the audience, each with its own link', async () => {
    await staff.agent
      .post(`/admin/surveys/${surveyId}/send`)
      .type('form')
      .send({ _csrf: staff.csrfToken })
      .expect(303)
      .expect('Location', `/admin/surveys/${surveyId}/progress`);
    // The flash replaces the old `?done=` note, once.
    expect((await progressPage()).text).toContain('Distribution started: the worker is writing the invitations');
    expect((await progressPage()).text).not.toContain('Distribution started');
    // A second click queues no second distribution.
    await staff.agent.post(`/admin/surveys/${surveyId}/send`).type('form').send({ _csrf: staff.csrfToken }).expect(303);
    const before = await progressPage();
    expect(before.text).toContain('<progress');
    expect(before.text).toContain('http-equiv="refresh"');
    expect((await t.app.get(SurveyRepository).findById(surveyId))?.sentAt).not.toBeNull();

    await runQueue(t);
    // Each batch's recipients were stored beside its job and removed once it had sent them all.
    expect(
      await t.connection
        .collection<{ _id: string }>('send_batch_recipients')
        .countDocuments({ _id: { $regex: `^batch:${surveyId}:` } }),
    ).toBe(0);
    // The batch writes its links and delivery records straight to the driver, with every field of their
    // schemas as mongoose would have defaulted them.
    const link = await t.connection.collection('survey_links').findOne({ surveyId });
    expect(link).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      invitationId: expect.stringMatching(new RegExp(`^${surveyId}:`)) as unknown,
      surveyId,
      createdAt: expect.any(Date) as unknown,
      revokedAt: null,
      retiresOthersOnUse: false,
      segments: expect.objectContaining({ tier: expect.any(String) as unknown }) as unknown,
    });
    const unsubscribe = await t.connection.collection('mail_unsubscribe_links').findOne({ email: emails[0] });
    expect(unsubscribe).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      email: emails[0],
      topic: 'survey invitations and reminders',
      createdAt: expect.any(Date) as unknown,
    });
    const delivery = await t.connection.collection('survey_deliveries').findOne({ surveyId });
    expect(delivery).toEqual({
      _id: expect.stringMatching(/:invite$/) as unknown,
      surveyId,
      outcome: 'sent',
      at: expect.any(Date) as unknown,
    });

    const mails = await sinkMail(label);
    expect(mails).toHaveLength(200);
    expect(new Set(mails.map((mail) => mail.envelopeTo[0]))).toEqual(new Set(emails));
    for (const mail of mails) {
      const token = surveyLinkIn(mail.text);
      const link = await t.app.get(LinkRepository).findActiveByHash(hashToken(token));
      expect(link?.invitationId).toMatch(new RegExp(`^${surveyId}:`));
      tokens.set(mail.envelopeTo[0], token);
      expect(mail.headers['list-unsubscribe']).toMatch(/^<http:\/\/127\.0\.0\.1\/unsubscribe\/[A-Za-z0-9_-]{43}>$/);
      expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      expect(mail.html).toContain('Answer the survey');
    }
    expect(new Set(tokens.values()).size).toBe(200);
    // Only hashes are stored: no token appears in the links collection.
    const stored = await t.connection.collection('survey_links').findOne({ _id: tokens.get(emails[0]) as never });
    expect(stored).toBeNull();

    const after = await progressPage();
    expect(figure(after.text, 'invited')).toBe('200');
    expect(figure(after.text, 'sent')).toBe('200');
    expect(figure(after.text, 'queued')).toBe('0');
    expect(after.text).not.toContain('<progress');
  });

  it('counts 120 completions (60%) live and by segment, and reminds exactly the 80 others', async () => {
    const server = request(t.app.getHttpServer());
    // Every member follows their link (the page opens; a GET changes nothing else)...
    for (const email of emails) {
      const page = await server
        .get(`/s/${tokens.get(email)}`)
        .set('Accept', 'text/html')
        .expect(200);
      expect(page.text).toContain('Customer strategy');
    }
    expect(figure((await progressPage()).text, 'opened')).toBe('200');
    // ...and 120 of them answer and submit, over HTTP like the browser form.
    for (const email of emails.slice(0, 120)) {
      await server
        .post(`/s/${tokens.get(email)}`)
        .type('form')
        .send('held=voc&held=strategy&rank_voc=1&rank_strategy=2&action=submit')
        .expect(303);
    }
    let page = await progressPage();
    expect(figure(page.text, 'completed')).toBe('120');
    expect(figure(page.text, 'rate')).toBe('60%');

    await t.app.get(SurveyBookkeeping).reconcile(surveyId);
    page = await progressPage();
    expect(figure(page.text, 'completed')).toBe('120');
    // The recount of "sent" comes from the delivery records (the invitations stay queued).
    expect(figure(page.text, 'sent')).toBe('200');
    expect(page.text).toMatch(/<td>tier<\/td><td>council<\/td><td>100<\/td><td>60<\/td><td>60%<\/td>/);

    await staff.agent
      .post(`/admin/surveys/${surveyId}/remind`)
      .type('form')
      .send({ _csrf: staff.csrfToken })
      .expect(303);
    await runQueue(t);
    const reminders = (await sinkMail(label)).filter((mail) => mail.subject.startsWith('Reminder:'));
    expect(reminders).toHaveLength(80);
    expect(new Set(reminders.map((mail) => mail.envelopeTo[0]))).toEqual(new Set(emails.slice(120)));
    expect(figure((await progressPage()).text, 'reminded')).toBe('80');
  });

  it('resends one member a new link and revokes the old one', async () => {
    const email = emails[150];
    await staff.agent
      .post(`/admin/surveys/${surveyId}/resend`)
      .type('form')
      .send({ _csrf: staff.csrfToken, email: email.toUpperCase() })
      .expect(303);
    await runQueue(t);
    const theirs = (await sinkMail(label)).filter((mail) => mail.envelopeTo[0] === email);
    expect(theirs).toHaveLength(3); // invitation, reminder, new link
    const fresh = surveyLinkIn(theirs[2].text);
    const links = t.app.get(LinkRepository);
    expect(await links.findActiveByHash(hashToken(fresh))).not.toBeNull();
    expect(await links.findActiveByHash(hashToken(tokens.get(email)!))).toBeNull();

    const unknown = await staff.agent
      .post(`/admin/surveys/${surveyId}/resend`)
      .type('form')
      .send({ _csrf: staff.csrfToken, email: 'nobody@example.test' })
      .set('Accept', 'text/html');
    expect(unknown.status).toBe(422);
    // The progress page again, the address kept in its field and the message beside it.
    expect(unknown.text).toContain('data-figure="invited"');
    expect(unknown.text).toMatch(/<input id="email" name="email" type="email" value="nobody@example.test"/);
    expect(unknown.text).toMatch(/id="email-error">Nobody with the address nobody@example.test was invited/);

    const malformed = await staff.agent
      .post(`/admin/surveys/${surveyId}/resend`)
      .type('form')
      .send({ _csrf: staff.csrfToken, email: 'not an address' })
      .set('Accept', 'text/html');
    expect(malformed.status).toBe(422);
    expect(malformed.text).toContain('value="not an address"');
    expect(malformed.text).toContain('Please give an email address such as name@company.com');
  });

  it('closes early and extends, refusing a close date in the past', async () => {
    await staff.agent
      .post(`/admin/surveys/${surveyId}/close`)
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' })
      .expect(303);
    expect((await t.app.get(SurveyRepository).findById(surveyId))?.status).toBe('closed');
    const past = await staff.agent
      .post(`/admin/surveys/${surveyId}/extend`)
      .type('form')
      .send({ _csrf: staff.csrfToken, closesAt: '2020-01-01' })
      .set('Accept', 'text/html');
    expect(past.status).toBe(422);
    expect(past.text).toContain('value="2020-01-01"');
    expect(past.text).toMatch(/id="closesAt-error">The new close date must be in the future\./);
    const garbled = await staff.agent
      .post(`/admin/surveys/${surveyId}/extend`)
      .type('form')
      .send({ _csrf: staff.csrfToken, closesAt: '31/12/2026' })
      .set('Accept', 'text/html');
    expect(garbled.status).toBe(422);
    expect(garbled.text).toContain('value="31/12/2026"');
    expect(garbled.text).toContain('Please give a date such as 2026-12-31');
    expect((await t.app.get(SurveyRepository).findById(surveyId))?.status).toBe('closed');
    const later = new Date(Date.now() + 60 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    await staff.agent
      .post(`/admin/surveys/${surveyId}/extend`)
      .type('form')
      .send({ _csrf: staff.csrfToken, closesAt: later })
      .expect(303);
    const survey = await t.app.get(SurveyRepository).findById(surveyId);
    expect(survey?.status).toBe('open');
    expect(survey?.closesAt?.toISOString().slice(0, 10)).toBe(later);
  });

  it('exports the raw responses as CSV without tokens, names or addresses', async () => {
    const csv = await staff.agent.get(`/admin/surveys/${surveyId}/responses.csv`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'respondent,status,started_at,completed_at,Customer strategy,Voice of the customer programme,Customer value metrics',
    );
    expect(lines).toHaveLength(121);
    expect(lines[1]).toMatch(/^1,completed,[^,]+,[^,]+,2,1,$/);
    for (const token of tokens.values()) {
      expect(csv.text).not.toContain(token);
    }
    expect(csv.text).not.toMatch(/Member \d|example\.test|[0-9a-f]{24}/);
  });

  it('keeps the console to staff', async () => {
    const member = await signInAs(t);
    await member.agent.get(`/admin/surveys/${surveyId}/progress`).set('Accept', 'text/html').expect(403);
    await request(t.app.getHttpServer()).get(`/admin/surveys/${surveyId}/responses.csv`).expect(401);
  });
});
