import { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import request from 'supertest';
import { formatDate } from '@roundtable/core';
import { ReportPages } from '@roundtable/reporting';
import { InvitationRepository } from '@roundtable/surveys';
import { createTestApp, TestApp, testEnvironment } from '../support/create-test-app';
import { expireRunningLeases } from '../support/jobs';
import { signInAs, type SignedIn } from '../support/sessions';
import { TestRelay } from '../support/smtp-relay';
import { buildAudience, buildSurvey, runQueue, surveyLinkIn } from './distribution-fixtures';
import { kill, startWorker, until, WORKER } from './worker-process';

/** 40 members, tiers alternating council / executive (buildAudience): 20 of each. */
const MEMBERS = 40;
/** Who answers: 14 of the 20 council members, 4 of the 20 executives. */
const COUNCIL_ANSWERING = 14;
const EXECUTIVES_ANSWERING = 4;

/**
 * "Remind the under-represented" through HTTP and the real SMTP relay: executives answer less, so a
 * targeted round at 10 points picks tier = executive and reaches exactly its 16 non-responders, once:
 * a second confirm of the same round sends nothing, a worker killed mid-round and restarted sends
 * each of them one reminder, and so do two workers at once.
 */
describe('Targeted reminder rounds (real FerretDB and SMTP; built workers for the crash and the pair)', () => {
  jest.setTimeout(180_000);
  let relay: TestRelay;
  let t: TestApp;
  let staff: SignedIn;
  const workers: ChildProcess[] = [];
  const output: string[] = [];
  const log = () => output.join('');

  beforeAll(async () => {
    if (!existsSync(WORKER)) {
      throw new Error(`${WORKER} is missing: run \`npm run build\` first (npm test does).`);
    }
    relay = await TestRelay.start();
    t = await createTestApp({ env: { SMTP_URL: relay.smtpUrl } });
    staff = await signInAs(t, { role: 'staff' });
  });
  afterAll(async () => {
    for (const worker of workers) {
      await kill(worker, 'SIGTERM');
    }
    await t?.close();
    await relay?.stop();
  });

  /** Every executive built so far: a survey's audience is every member (the earlier tests' too). */
  const executivesSoFar: string[] = [];

  /** A sent survey where executives answer less; answers the executives who did not answer. */
  async function skewedSurvey(label: string): Promise<{ surveyId: string; laggards: string[] }> {
    const emails = await buildAudience(t, MEMBERS, label);
    const surveyId = await buildSurvey(t, `Skew ${label}`);
    await staff.agent.post(`/admin/surveys/${surveyId}/send`).type('form').send({ _csrf: staff.csrfToken }).expect(303);
    await runQueue(t);
    const server = request(t.app.getHttpServer());
    const council = emails.filter((_, n) => n % 2 === 0);
    const executives = emails.filter((_, n) => n % 2 === 1);
    executivesSoFar.push(...executives);
    // The links carry their invitation's segments, so completing reads no invitation for the counters.
    const invitationReads = jest.spyOn(t.app.get(InvitationRepository), 'findById');
    for (const email of [...council.slice(0, COUNCIL_ANSWERING), ...executives.slice(0, EXECUTIVES_ANSWERING)]) {
      const invitation = relay.received.find((mail) => mail.to.includes(email))!;
      await server
        .post(`/s/${surveyLinkIn(invitation.text)}`)
        .type('form')
        .send('held=voc&held=strategy&rank_voc=1&rank_strategy=2&action=submit')
        .expect(303);
    }
    expect(invitationReads).not.toHaveBeenCalled();
    invitationReads.mockRestore();
    const answered = executives.slice(0, EXECUTIVES_ANSWERING);
    return { surveyId, laggards: executivesSoFar.filter((email) => !answered.includes(email)) };
  }

  const confirm = (surveyId: string, round: number) =>
    staff.agent
      .post(`/admin/surveys/${surveyId}/remind-skew`)
      .type('form')
      .send({ _csrf: staff.csrfToken, dimension: 'tier', threshold: '10', round: String(round) });
  const reminders = () => relay.received.filter((mail) => mail.subject.startsWith('Reminder:'));
  /** Reminders since `start` (an index into reminders()) to anyone but `laggards`: none expected. */
  const strays = (start: number, laggards: string[]) =>
    reminders()
      .slice(start)
      .filter((mail) => !mail.to.some((to) => laggards.includes(to)))
      .map((mail) => `${mail.to.join(',')} ${mail.subject} ${/\/s\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0] ?? ''}`);
  /** Reminders to each of `emails` since `start` (an index into reminders()). */
  const remindersTo = (emails: string[], start = 0) =>
    emails.map(
      (email) =>
        reminders()
          .slice(start)
          .filter((mail) => mail.to.includes(email)).length,
    );
  const roundJobsLeft = () =>
    t.connection.collection('jobs').countDocuments({ type: /^survey\.(skew-round|send-batch)$/ });

  it('shows the live gaps, previews the round and reaches exactly the executives who did not answer, once', async () => {
    const { surveyId, laggards } = await skewedSurvey('skew-a');
    // Live from the counters (no reconcile has run): council 14 of 18 respondents (77.8%) against
    // 50% of the invited, executives 4 of 18 (22.2%).
    const progress = await staff.agent.get(`/admin/surveys/${surveyId}/progress`).expect(200);
    expect(progress.text).toMatch(
      /<tr data-value="council"><td>council<\/td><td>50% \(20\)<\/td><td>78% \(14\)<\/td><td data-gap>\+27\.8<\/td>/,
    );
    expect(progress.text).toMatch(
      /<tr data-value="executive"><td>executive<\/td><td>50% \(20\)<\/td><td>22% \(4\)<\/td><td data-gap>−27\.8<\/td>/,
    );

    const preview = await staff.agent
      .get(`/admin/surveys/${surveyId}/remind-skew?dimension=tier&threshold=10`)
      .expect(200);
    expect(preview.text).toMatch(/<strong data-emails>16<\/strong> members of executive who have not answered/);
    expect(preview.text).toContain('name="round" value="1"');
    // At 30 points nobody trails enough: no confirm button.
    const none = await staff.agent
      .get(`/admin/surveys/${surveyId}/remind-skew?dimension=tier&threshold=30`)
      .expect(200);
    expect(none.text).toContain('nobody to remind');
    expect(none.text).not.toContain('confirm-skew-round');
    await staff.agent
      .get(`/admin/surveys/${surveyId}/remind-skew?dimension=tier&threshold=abc`)
      .expect(200)
      .expect(/whole number of points/);

    await confirm(surveyId, 1).expect(303).expect('Location', `/admin/surveys/${surveyId}/progress`);
    await runQueue(t);
    expect(reminders()).toHaveLength(laggards.length);
    expect(remindersTo(laggards)).toEqual(laggards.map(() => 1));

    // The same round confirmed again (a double click, a second member of staff) sends nothing more.
    await confirm(surveyId, 1)
      .expect(409)
      .expect(/Round 1 was confirmed already/);
    await runQueue(t);
    expect(strays(0, laggards)).toEqual([]);
    expect(reminders()).toHaveLength(laggards.length);
    const after = await staff.agent
      .get(`/admin/surveys/${surveyId}/remind-skew?dimension=tier&threshold=10`)
      .expect(200);
    expect(after.text).toContain('name="round" value="2"');
    expect(after.text).toMatch(/Round 1, \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d UTC: tier: executive \(16 to remind\)/);
    // The report's skew section lists the round (read per request, beside the snapshot's tables).
    const report = await t.app.get(ReportPages).adminReportPage(surveyId);
    expect(report.skewRounds).toEqual([
      { round: 1, date: formatDate(new Date()), segments: 'tier: executive', emailed: 16 },
    ]);
  });

  it('reaches each of them once when the worker is killed mid-round and restarted', async () => {
    const before = relay.received.length;
    const { surveyId, laggards } = await skewedSurvey('skew-b');
    const start = reminders().length;
    await confirm(surveyId, 1).expect(303);
    const env = { ...testEnvironment(t.databaseName), SMTP_URL: relay.smtpUrl, MAIL_RATE_PER_SECOND: '20' };
    relay.holdIf = () => reminders().length - start >= 5;
    workers.push(await startWorker(env, output));
    await until(() => relay.held > 0, 'five reminders taken and the next held', 40_000, log);
    await until(
      async () =>
        (await t.connection.collection('survey_deliveries').countDocuments({ surveyId, _id: /reminder:skew-1$/ })) ===
        5,
      'the taken reminders to be recorded',
      15_000,
      log,
    );
    await kill(workers.pop(), 'SIGKILL');
    expect(reminders().length - start).toBe(5);
    await expireRunningLeases(t);
    relay.holdIf = undefined;
    output.push('--- restarted ---\n');
    workers.push(await startWorker(env, output));
    await until(async () => (await roundJobsLeft()) === 0, 'the round to finish after the restart', 40_000, log);
    await kill(workers.pop(), 'SIGTERM');
    expect(remindersTo(laggards, start)).toEqual(laggards.map(() => 1));
    expect(strays(start, laggards)).toEqual([]);
    expect(reminders().length - start).toBe(laggards.length);
    expect(relay.received.length).toBeGreaterThan(before);
  });

  it('reaches each of them once with two workers', async () => {
    const { surveyId, laggards } = await skewedSurvey('skew-c');
    const start = reminders().length;
    const env = { ...testEnvironment(t.databaseName), SMTP_URL: relay.smtpUrl, MAIL_RATE_PER_SECOND: '20' };
    workers.push(await startWorker(env, output), await startWorker(env, output));
    // Two confirms of round 1 at once, with both workers running.
    const answers = await Promise.all([confirm(surveyId, 1), confirm(surveyId, 1)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 409]);
    await until(async () => (await roundJobsLeft()) === 0, 'the round to finish', 40_000, log);
    await until(() => reminders().length - start >= laggards.length, 'the reminders', 10_000, log);
    await kill(workers.pop(), 'SIGTERM');
    await kill(workers.pop(), 'SIGTERM');
    expect(remindersTo(laggards, start)).toEqual(laggards.map(() => 1));
    expect(strays(start, laggards)).toEqual([]);
    expect(reminders().length - start).toBe(laggards.length);
  });
});
