import { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createTestApp, TestApp, testEnvironment } from '../support/create-test-app';
import { expireRunningLeases } from '../support/jobs';
import { signInAs } from '../support/sessions';
import { TestRelay } from '../support/smtp-relay';
import { buildAudience, buildSurvey } from './distribution-fixtures';
import { kill, startWorker, until, WORKER } from './worker-process';

const MEMBERS = 60;
/** Emails the relay takes before it holds the rest unanswered and the worker is killed. */
const BEFORE_CRASH = 20;

/**
 * A worker process killed (SIGKILL) in the middle of sending a survey, then started again: every
 * member gets exactly one invitation, counted in a real SMTP relay, and every invitation is settled.
 * The relay holds the emails after the first 20 unanswered, so the kill lands while the worker waits
 * on them with a pool's worth in flight: those were never taken and must go out after the restart.
 */
describe('Distribution exactly once across a worker crash (built worker, real FerretDB and SMTP)', () => {
  jest.setTimeout(90_000);
  let relay: TestRelay;
  let t: TestApp;
  let worker: ChildProcess | undefined;
  const output: string[] = [];

  beforeAll(async () => {
    if (!existsSync(WORKER)) {
      throw new Error(`${WORKER} is missing: run \`npm run build\` first (npm test does).`);
    }
    relay = await TestRelay.start();
    t = await createTestApp({ env: { SMTP_URL: relay.smtpUrl } });
  });
  afterAll(async () => {
    await kill(worker, 'SIGTERM');
    await t?.close();
    await relay?.stop();
  });

  it('sends each member one invitation when the worker is killed mid-batch and restarted', async () => {
    const emails = await buildAudience(t, MEMBERS, 'crash');
    const surveyId = await buildSurvey(t, 'Crash survey');
    const staff = await signInAs(t, { role: 'staff' });
    await staff.agent.post(`/admin/surveys/${surveyId}/send`).type('form').send({ _csrf: staff.csrfToken }).expect(303);

    const env = { ...testEnvironment(t.databaseName), SMTP_URL: relay.smtpUrl, MAIL_RATE_PER_SECOND: '20' };
    const log = () => output.join('');
    const deliveries = t.connection.collection('survey_deliveries');
    const invitations = t.connection.collection('survey_invitations');

    relay.holdIf = () => relay.received.length >= BEFORE_CRASH;
    worker = await startWorker(env, output);
    await until(() => relay.held > 0, `${BEFORE_CRASH} emails taken and the next one held`, 40_000, log);
    // The kill lands after the worker recorded the emails the relay took (the few milliseconds between
    // a relay's "250 OK" and that record are the one window no SMTP sender can close).
    await until(
      async () => (await deliveries.countDocuments({ outcome: 'sent' })) === BEFORE_CRASH,
      'the taken emails to be recorded',
      15_000,
      log,
    );
    await kill(worker, 'SIGKILL');
    expect(worker.signalCode).toBe('SIGKILL');
    expect(relay.received).toHaveLength(BEFORE_CRASH);
    expect(await deliveries.countDocuments({ surveyId })).toBeLessThan(MEMBERS);
    const left = await t.connection.collection('jobs').find({ type: 'survey.send-batch' }).toArray();
    expect(left).toEqual([expect.objectContaining({ status: 'running' })]);

    // The dead worker's lease (a minute) is run out now rather than waited for.
    await expireRunningLeases(t);
    relay.holdIf = undefined;
    output.push('--- restarted ---\n');
    worker = await startWorker(env, output);
    await until(
      async () =>
        (await t.connection.collection('jobs').countDocuments({ type: /^survey\.(distribute|send-batch)$/ })) === 0,
      'the distribution to finish after the restart',
      40_000,
      log,
    );
    await kill(worker, 'SIGTERM');

    expect(relay.received).toHaveLength(MEMBERS);
    expect(emails.map((email) => relay.countTo(email))).toEqual(emails.map(() => 1));
    expect(await invitations.countDocuments({ surveyId })).toBe(MEMBERS);
    // Sent is the delivery record (one per member, whichever run sent it); no invitation was failed.
    expect(await deliveries.countDocuments({ surveyId, outcome: 'sent' })).toBe(MEMBERS);
    expect(await invitations.countDocuments({ surveyId, status: 'queued' })).toBe(MEMBERS);
    const batches = await t.connection.collection('job_history').find({ type: 'survey.send-batch' }).toArray();
    expect(batches).toEqual([expect.objectContaining({ status: 'done' })]);
  });
});
