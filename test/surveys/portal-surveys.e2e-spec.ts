import request from 'supertest';
import { ResponseRepository, SurveyRepository } from '@roundtable/surveys';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';
import { answer, invite, openSurvey } from './survey-fixtures';

describe('Open surveys in the portal', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the member’s open surveys and opens their response without the emailed token', async () => {
    const member = await signInAs(t);
    const memberId = String(member.member._id);
    const invited = await openSurvey(t);
    const notInvited = await openSurvey(t);
    await t.app.get(SurveyRepository).updateDraft(notInvited, {
      ...(await t.app.get(SurveyRepository).findById(notInvited))!,
      title: 'Another survey',
    });
    const closed = await openSurvey(t);
    await invite(t, invited, { memberId });
    await invite(t, closed, { memberId });
    await t.app.get(SurveyRepository).close(closed);

    const list = await member.agent.get('/portal/surveys');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`href="/portal/surveys/${invited}"`);
    expect(list.text).toContain('Not started');
    expect(list.text).not.toContain(`/portal/surveys/${notInvited}`);
    expect(list.text).not.toContain(`/portal/surveys/${closed}`);

    const form = await member.agent.get(`/portal/surveys/${invited}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain(`action="/portal/surveys/${invited}"`);
    expect(form.text).toContain('name="_csrf"');

    const saved = await member.agent
      .post(`/portal/surveys/${invited}`)
      .type('form')
      .send({ ...answer(), _csrf: member.csrfToken });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/portal/surveys/${invited}?done=1`);
    expect(await t.app.get(ResponseRepository).findById(`${invited}:${memberId}`)).toMatchObject({
      status: 'completed',
      held: ['i5', 'i1', 'i3'],
    });
    expect((await member.agent.get('/portal/surveys')).text).toContain('Submitted');
  });

  it('refuses a survey the member was not invited to, and a form without its CSRF token', async () => {
    const member = await signInAs(t);
    const survey = await openSurvey(t);
    const page = await member.agent.get(`/portal/surveys/${survey}`);
    expect(page.status).toBe(404);
    expect(page.text).toContain('You have no invitation to this survey.');
    await invite(t, survey, { memberId: String(member.member._id) });
    expect((await member.agent.post(`/portal/surveys/${survey}`).type('form').send(answer())).status).toBe(403);
  });

  it('asks visitors to sign in', async () => {
    const survey = await openSurvey(t);
    const response = await request(t.app.getHttpServer()).get(`/portal/surveys/${survey}`).set('Accept', 'text/html');
    expect(response.status).toBe(303);
    expect(response.headers.location).toContain('/sign-in');
  });
});
