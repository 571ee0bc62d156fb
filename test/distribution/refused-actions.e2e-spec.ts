import { DEFAULT_ACCOUNTABILITIES, SurveyRepository } from '@roundtable/surveys';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs, SignedIn } from '../support/sessions';
import { buildSurvey } from '../support/surveys';

/**
 * What the service refuses on the progress page (no field of the form is wrong): the progress page
 * again with 422, the sentence in the error summary (beside the field where there is one), and
 * nothing changed. The refusals of a typed address or date are in distribution.e2e-spec.ts.
 */
describe('Distribution actions the service refuses', () => {
  let t: TestApp;
  let staff: SignedIn;
  let draftId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signInAs(t, { role: 'staff' });
    // A draft with one item and no close date: not ready to send.
    const draft = await buildSurvey(t, {
      title: 'Unready probe',
      intro: '',
      items: DEFAULT_ACCOUNTABILITIES.slice(0, 1).map((label, index) => ({ key: `i${index + 1}`, label })),
      profileQuestions: [],
      closesAt: null,
    });
    draftId = String(draft._id);
  });
  afterAll(() => t.close());

  const act = (action: string, fields: Record<string, string> = {}) =>
    staff.agent
      .post(`/admin/surveys/${draftId}/${action}`)
      .type('form')
      .set('Accept', 'text/html')
      .send({ _csrf: staff.csrfToken, ...fields });

  it('does not send a survey that is not ready, saying why', async () => {
    const page = await act('send');
    expect(page.status).toBe(422);
    expect(page.text).toContain('<a href="#send">This survey cannot be sent yet: It needs at least two items.');
    expect(page.text).toContain('id="send"');
    expect((await t.app.get(SurveyRepository).findById(draftId))?.sentAt).toBeNull();
  });

  it('sends no reminders for a survey that was not sent', async () => {
    const page = await act('remind');
    expect(page.status).toBe(422);
    expect(page.text).toContain('<a href="#remind">Reminders go only to an open survey that was sent.');
    expect(await t.connection.collection('jobs').countDocuments({ 'payload.surveyId': draftId })).toBe(0);
  });

  it('does not extend a draft', async () => {
    const page = await act('extend', { closesAt: '2099-12-31' });
    expect(page.status).toBe(422);
    expect(page.text).toContain('<a href="#closesAt">Only a sent survey is extended');
    expect((await t.app.get(SurveyRepository).findById(draftId))?.closesAt).toBeNull();
  });

  it('sends no new link for a survey that was not sent', async () => {
    const page = await act('resend', { email: 'someone@example.test' });
    expect(page.status).toBe(422);
    expect(page.text).toContain('<a href="#email">The survey has not been sent yet: send it first.');
    expect(await t.connection.collection('jobs').countDocuments({ 'payload.surveyId': draftId })).toBe(0);
  });
});
