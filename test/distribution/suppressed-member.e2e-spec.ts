import request from 'supertest';
import { InvitationRepository } from '@roundtable/surveys';
import { createTestApp, TestApp } from '../support/create-test-app';
import { mailTo } from '../support/mailbox';
import { signInAs, SignedIn } from '../support/sessions';
import { buildAudience, buildSurvey, runQueue } from './distribution-fixtures';

/**
 * A member who used a survey email's unsubscribe link is not invited to the next survey: the send
 * batch reads the suppressions and leaves that address out, with the invitation marked opted out.
 */
describe('Distribution to a member who unsubscribed (real FerretDB and SMTP sink)', () => {
  let t: TestApp;
  let staff: SignedIn;
  const label = `unsub${Date.now().toString(36)}`;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signInAs(t, { role: 'staff' });
  });
  afterAll(() => t.close());

  async function send(title: string): Promise<string> {
    const surveyId = await buildSurvey(t, `${title} ${label}`);
    await staff.agent.post(`/admin/surveys/${surveyId}/send`).type('form').send({ _csrf: staff.csrfToken }).expect(303);
    await runQueue(t);
    return surveyId;
  }

  it('does not invite an unsubscribed member again, and marks that invitation opted out', async () => {
    const [leaver, stayer] = await buildAudience(t, 2, label);
    await send('First');
    const [firstMail] = await mailTo(leaver);
    const unsubscribe = /http:\/\/127\.0\.0\.1(\/unsubscribe\/[A-Za-z0-9_-]{43})/.exec(firstMail.text)![1];
    // The mail client's one-click unsubscribe (RFC 8058).
    await request(t.app.getHttpServer())
      .post(unsubscribe)
      .type('form')
      .send({ 'List-Unsubscribe': 'One-Click' })
      .expect((res) => expect(res.status).toBeLessThan(300));

    const secondId = await send('Second');
    expect((await mailTo(stayer)).map((mail) => mail.subject)).toEqual([
      expect.stringContaining('First'),
      expect.stringContaining('Second'),
    ]);
    expect((await mailTo(leaver)).map((mail) => mail.subject)).toEqual([expect.stringContaining('First')]);
    const invitations = await t.app.get(InvitationRepository).findByEmail(leaver);
    expect(invitations.find((invitation) => invitation.surveyId === secondId)?.status).toBe('opted_out');
  });
});
