import request from 'supertest';
import { MilestoneRepository, ResponseRepository } from '@roundtable/surveys';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { signInAs, type SignedIn } from '../support/sessions';
import { answer, invite, openSurvey } from './survey-fixtures';

/**
 * Each API process keeps survey link pages and the surveys they show (KeptLinkViews, SurveyCache);
 * closing a survey must still apply on the very next request in every process. Two API processes on
 * one database, as behind a load balancer: both keep the link's page, staff close through one.
 */
describe('A closed survey stops taking visitors in every process at once', () => {
  let t: TestApp;
  let other: TestApp;
  let staff: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    other = await createTestApp({ env: { MONGODB_URI: `${process.env.TEST_MONGODB_URI}${t.databaseName}` } });
    staff = await signInAs(t, { role: 'staff' });
  });
  afterAll(async () => {
    await other.app.close();
    await t.close();
  });

  const link = (app: TestApp, token: string) => request(app.app.getHttpServer()).get(`/s/${token}`);

  /** Both processes show the form, twice each: the second view comes from what each kept. */
  async function keptByBoth(token: string): Promise<void> {
    for (let view = 0; view < 2; view++) {
      for (const app of [t, other]) {
        const page = await link(app, token).expect(200);
        expect(page.text).toContain('Which of these are yours today?');
      }
    }
  }

  it('shows the closed page and refuses answers right after staff close it through another process', async () => {
    const surveyId = await openSurvey(t);
    const { token, invitationId } = await invite(t, surveyId);
    await keptByBoth(token);
    await request(other.app.getHttpServer())
      .post(`/admin/surveys/${surveyId}/close`)
      .set('Cookie', staff.cookie)
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' })
      .expect(303);

    for (const app of [t, other]) {
      const page = await link(app, token).set('Accept', 'text/html');
      expect(page.status).toBe(410);
      expect(page.text).toContain('This survey has closed');
      const late = await request(app.app.getHttpServer())
        .post(`/s/${token}`)
        .set('Accept', 'text/html')
        .type('form')
        .send(answer());
      expect(late.status).toBe(410);
      expect(late.text).toContain('nothing was saved');
    }
    expect(await t.app.get(ResponseRepository).findById(invitationId)).toBeNull();
    expect(await t.app.get(MilestoneRepository).has(invitationId, 'started')).toBe(false);
  });

  it('shows the form again in every process right after staff extend a closed survey', async () => {
    const surveyId = await openSurvey(t);
    const { token } = await invite(t, surveyId);
    await keptByBoth(token);
    const close = () =>
      request(t.app.getHttpServer())
        .post(`/admin/surveys/${surveyId}/close`)
        .set('Cookie', staff.cookie)
        .type('form')
        .send({ _csrf: staff.csrfToken, confirm: 'yes' })
        .expect(303);
    await close();
    for (let view = 0; view < 2; view++) {
      await link(t, token).expect(410);
      await link(other, token).expect(410);
    }
    const closesAt = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await request(t.app.getHttpServer())
      .post(`/admin/surveys/${surveyId}/extend`)
      .set('Cookie', staff.cookie)
      .type('form')
      .send({ _csrf: staff.csrfToken, closesAt })
      .expect(303);
    await link(other, token).expect(200);
    await link(t, token).expect(200);
  });
});
