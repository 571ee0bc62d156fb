import { TierRepository } from '@roundtable/billing';
import { MemberRepository } from '@roundtable/members';
import { ReportingWorkerModule, SnapshotRepository } from '@roundtable/reporting';
import { SurveyRepository } from '@roundtable/surveys';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { signInAs, type SignedIn } from '../support/sessions';
import { reportFor } from '../reporting/report-fixtures';
import { openSurvey } from '../surveys/survey-fixtures';

/**
 * The site's one confirmation step: each consequential action has a page of its own (no JavaScript)
 * saying what happens and how to undo it, and its POST refuses without the tick (422, nothing done),
 * then does it with the tick and says so on the next page.
 */
describe('Consequential actions confirm first', () => {
  let t: TestApp;
  let staff: SignedIn;

  beforeAll(async () => {
    t = await createTestApp({ imports: [ReportingWorkerModule] });
    await t.app.get(TierRepository).seedDefaults();
    staff = await signInAs(t, { role: 'staff' });
  });
  afterAll(() => t.close());

  /** The confirmation page, the refusal without the tick, then the action with it; returns the flash. */
  async function confirmed(who: SignedIn, path: string, heading: string, after: string): Promise<string> {
    const page = await who.agent.get(path).expect(200);
    expect(page.text).toContain(`<h1>${heading}</h1>`);
    expect(page.text).toContain('class="confirm-undo"');
    expect(page.text).toContain('I confirm:');
    const refused = await who.agent.post(path).type('form').send({ _csrf: who.csrfToken }).expect(422);
    expect(refused.text).toContain('Please tick “I confirm” first.');
    const done = await who.agent.post(path).type('form').send({ _csrf: who.csrfToken, confirm: 'yes' }).expect(303);
    expect(done.headers.location).toBe(after);
    return (
      /<p class="notice flash" role="status">([^<]*)<\/p>/.exec((await who.agent.get(after).expect(200)).text)?.[1] ??
      ''
    );
  }

  it('closing a survey: refused without the tick (still open), done with it', async () => {
    const surveyId = await openSurvey(t);
    const path = `/admin/surveys/${surveyId}/close`;
    await staff.agent.post(path).type('form').send({ _csrf: staff.csrfToken }).expect(422);
    expect((await t.app.get(SurveyRepository).findById(surveyId))?.status).toBe('open');
    const flash = await confirmed(staff, path, 'Close this survey now?', `/admin/surveys/${surveyId}/progress`);
    expect(flash).not.toBe('');
    expect((await t.app.get(SurveyRepository).findById(surveyId))?.status).toBe('closed');
  });

  it('publishing and unpublishing a report: each refused without the tick, done with it', async () => {
    const surveyId = await reportFor(t, staff, 'Confirmed report', false);
    const snapshots = t.app.get(SnapshotRepository);
    await staff.agent
      .post(`/admin/reports/${surveyId}/publish`)
      .type('form')
      .send({ _csrf: staff.csrfToken })
      .expect(422);
    expect((await snapshots.findState(surveyId))?.publishedVersion ?? null).toBeNull();
    await confirmed(
      staff,
      `/admin/reports/${surveyId}/publish`,
      'Publish this report to members?',
      `/admin/reports/${surveyId}`,
    );
    expect((await snapshots.findState(surveyId))?.publishedVersion).not.toBeNull();

    await staff.agent
      .post(`/admin/reports/${surveyId}/unpublish`)
      .type('form')
      .send({ _csrf: staff.csrfToken })
      .expect(422);
    expect((await snapshots.findState(surveyId))?.publishedVersion).not.toBeNull();
    const flash = await confirmed(
      staff,
      `/admin/reports/${surveyId}/unpublish`,
      'Unpublish this report?',
      `/admin/reports/${surveyId}`,
    );
    expect(flash).toContain('no longer shown to members');
    expect((await snapshots.findState(surveyId))?.publishedVersion ?? null).toBeNull();
  });

  it("a member's account deletion says what it means and how to undo it, and the undo works", async () => {
    const member = await signInAs(t, { role: 'member' });
    const record = () => t.app.get(MemberRepository).findById(String(member.member._id));
    await member.agent.post('/portal/delete').type('form').send({ _csrf: member.csrfToken }).expect(422);
    expect((await record())?.deletionRequestedAt ?? null).toBeNull();
    const page = await member.agent.get('/portal/delete').expect(200);
    expect(page.text).toContain('Until staff carry it out, “Keep my account” on your portal withdraws the request.');
    const flash = await confirmed(member, '/portal/delete', 'Delete your account?', '/portal');
    expect(flash).toContain('We have your request to delete your account');
    expect((await record())?.deletionRequestedAt).toBeInstanceOf(Date);
    await member.agent.post('/portal/delete/withdraw').type('form').send({ _csrf: member.csrfToken }).expect(303);
    expect((await record())?.deletionRequestedAt ?? null).toBeNull();
  });
});
