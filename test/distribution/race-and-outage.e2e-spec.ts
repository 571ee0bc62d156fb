import { Distributor } from '@roundtable/distribution';
import { JobLoop, JobRunner } from '@roundtable/jobs';
import { createTestApp, TestApp } from '../support/create-test-app';
import { makeJobsDue } from '../support/jobs';
import { signInAs } from '../support/sessions';
import { TestRelay } from '../support/smtp-relay';
import { buildAudience, buildSurvey, runQueue } from './distribution-fixtures';

const until = async (done: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/** Each address's number of invitation emails in the relay. */
function invitationsPerAddress(relay: TestRelay, emails: string[]): number[] {
  return emails.map((email) => relay.received.filter((mail) => mail.to.includes(email)).length);
}

async function send(t: TestApp, surveyId: string): Promise<void> {
  const staff = await signInAs(t, { role: 'staff' });
  await staff.agent.post(`/admin/surveys/${surveyId}/send`).type('form').send({ _csrf: staff.csrfToken }).expect(303);
}

describe('Distribution exactly once: races and outages (real FerretDB and SMTP)', () => {
  jest.setTimeout(240_000);
  let relay: TestRelay;

  beforeEach(async () => {
    relay = await TestRelay.start();
  });
  afterEach(() => relay.stop());

  it('shares one distribution between two workers racing on FerretDB, one invitation per member', async () => {
    const first = await createTestApp({ env: { SMTP_URL: relay.smtpUrl } });
    const second = await createTestApp({
      env: { SMTP_URL: relay.smtpUrl, MONGODB_URI: `${process.env.TEST_MONGODB_URI}${first.databaseName}` },
    });
    try {
      const emails = await buildAudience(first, 120, 'race');
      const surveyId = await buildSurvey(first, 'Race survey');
      for (const app of [first, second]) {
        app.app.get(Distributor).batchSize = 10; // twelve batches to fight over
        app.app.get(JobRunner).batchSize = 2;
      }
      await send(first, surveyId);
      const loops = [first, second].map((app) => app.app.get(JobLoop));
      loops.forEach((loop) => loop.start(50));
      await until(() => relay.received.length >= 120, 'both workers to send 120 emails');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await Promise.all(loops.map((loop) => loop.stop()));

      expect(invitationsPerAddress(relay, emails)).toEqual(emails.map(() => 1));
      // Each email's delivery record says it was sent; the invitations need no status write for it.
      const deliveries = first.connection.collection('survey_deliveries');
      expect(await deliveries.countDocuments({ surveyId, outcome: 'sent' })).toBe(120);
      expect(await first.connection.collection('survey_invitations').countDocuments({ status: 'queued' })).toBe(120);
      const batches = await first.connection.collection('job_history').find({ type: 'survey.send-batch' }).toArray();
      expect(batches).toHaveLength(12);
    } finally {
      await second.app.close();
      await first.close();
    }
  });

  it('retries while the relay is down and finishes when it returns, losing nothing', async () => {
    const t = await createTestApp({ env: { SMTP_URL: relay.smtpUrl } });
    try {
      const emails = await buildAudience(t, 30, 'outage');
      const surveyId = await buildSurvey(t, 'Outage survey');
      await relay.stop();
      await send(t, surveyId);
      await runQueue(t);
      expect(relay.received).toHaveLength(0);
      const waiting = await t.connection.collection('jobs').findOne({ type: 'survey.send-batch' });
      expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
      expect(waiting?.lastError).toMatch(/^E[A-Z]+$|could not be reached/);

      await relay.resume();
      // The retry's backoff (seconds) is moved to now instead of waited for.
      await makeJobsDue(t);
      await runQueue(t);
      expect(invitationsPerAddress(relay, emails)).toEqual(emails.map(() => 1));
      expect(await t.connection.collection('jobs').countDocuments({ type: 'survey.send-batch' })).toBe(0);
    } finally {
      await t.close();
    }
  });
});
