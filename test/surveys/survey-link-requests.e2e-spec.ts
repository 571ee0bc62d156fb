import request from 'supertest';
import { getModelToken } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import { JobRunner } from '@roundtable/jobs';
import { SurveyLinkRequest, SurveyLinkResendHook, SurveyRepository } from '@roundtable/surveys';
import { createTestApp, TestApp } from '../support/create-test-app';
import { invite, openSurvey } from './survey-fixtures';

/** "Send me a new link" once the sending side has registered its resend. */
describe('New link requests with a resend registered', () => {
  let t: TestApp;
  const resent: Array<[string, string]> = [];

  beforeAll(async () => {
    t = await createTestApp();
    // Distribution registers its DistributionService.resend here; this records what would be resent.
    t.app.get(SurveyLinkResendHook).register((surveyId, email) => {
      resent.push([surveyId, email]);
      return Promise.resolve();
    });
  });
  afterAll(() => t.close());

  it('resends the links of the open surveys the address was invited to, and records them as handled', async () => {
    const open = await openSurvey(t);
    const closed = await openSurvey(t);
    const email = 'resend.me@example.test';
    const { token } = await invite(t, open, { email, memberId: 'm-resend' });
    await invite(t, closed, { email, memberId: 'm-resend' });
    await t.app.get(SurveyRepository).close(closed);

    const page = await request(t.app.getHttpServer())
      .post('/s/new-link')
      .type('form')
      .send({ email: 'Resend.Me@example.test', token });
    expect(page.status).toBe(200);
    expect(page.text).toContain('the council staff will send a new link');
    // The work is queued, not done on the request path.
    expect(resent).toEqual([]);
    await t.app.get(JobRunner).runDue();
    expect(resent).toEqual([[open, email]]);

    const requests = t.app.get<Model<SurveyLinkRequest>>(getModelToken(SurveyLinkRequest.name));
    const stored = await requests.find({ email }).lean();
    expect(stored).toEqual([expect.objectContaining({ surveyId: open, handledAt: expect.any(Date) })]);
  });

  it('records an address with no open invitation for staff, saying the same to the person', async () => {
    const page = await request(t.app.getHttpServer())
      .post('/s/new-link')
      .type('form')
      .send({ email: 'who@example.test' });
    expect(page.text).toContain('the council staff will send a new link');
    await t.app.get(JobRunner).runDue();
    const requests = t.app.get<Model<SurveyLinkRequest>>(getModelToken(SurveyLinkRequest.name));
    expect(await requests.find({ email: 'who@example.test' }).lean()).toEqual([
      expect.objectContaining({ surveyId: null, handledAt: null }),
    ]);
  });

  it('does the same database work and gives the same answer for an invited and an unknown address', async () => {
    const open = await openSurvey(t);
    await invite(t, open, { email: 'known.asker@example.test' });
    resent.length = 0;
    const ask = async (email: string, ip: string) => {
      const calls: string[] = [];
      mongoose.set('debug', (collection: string, method: string) => calls.push(`${collection}.${method}`));
      try {
        const page = await request(t.app.getHttpServer())
          .post('/s/new-link')
          .type('form')
          .set('X-Forwarded-For', ip)
          .send({ email });
        return { status: page.status, page: page.text.replaceAll(email, 'ADDRESS'), calls };
      } finally {
        mongoose.set('debug', false);
      }
    };
    const known = await ask('known.asker@example.test', '203.0.113.10');
    const unknown = await ask('unknown.asker@example.test', '203.0.113.11');
    expect(known.status).toBe(200);
    expect(unknown).toEqual(known);
    // The lookup and the mail wait in the queue: the request path reads no invitation.
    expect(known.calls).toContain('jobs.insertOne');
    expect(known.calls.filter((call) => /invitation|survey_link|survey_link_requests/.test(call))).toEqual([]);
    expect(resent).toEqual([]);
    await t.app.get(JobRunner).runDue();
    expect(resent).toEqual([[open, 'known.asker@example.test']]);
  });
});
