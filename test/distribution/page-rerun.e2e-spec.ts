import { ShardedCounters } from '@roundtable/counters';
import { counterGroup, Distributor, SEND_BATCH_JOB } from '@roundtable/distribution';
import { JobRunner } from '@roundtable/jobs';
import { createTestApp, TestApp } from '../support/create-test-app';
import { clearJobs } from '../support/jobs';
import { buildAudience, buildSurvey } from './distribution-fixtures';

/**
 * The distribution job writes a page's invitations in one unordered insert and counts only those the
 * insert created. A run that stops after its first pages (its lease taken over) and a second run that
 * goes on from an earlier checkpoint (the pages after it read again) must leave one invitation per
 * member, one send batch per page and `invited` equal to the audience: the duplicates of the re-read
 * pages are skipped by the database's unique `_id`, on FerretDB as on MongoDB. The first page is taken
 * in no order before the ordered read, so its members are saved in the first checkpoint.
 */
describe('Distribution pages read twice (real FerretDB)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('writes each invitation and queues each batch once, and counts each member once', async () => {
    await buildAudience(t, 25, 'rerun');
    const surveyId = await buildSurvey(t, 'Rerun survey');
    const distributor = t.app.get(Distributor);
    distributor.batchSize = 10;
    const invitations = t.connection.collection('survey_invitations');
    const batches = () => t.connection.collection('jobs').find({ type: 'survey.send-batch' }).toArray();

    // First run: the first checkpoint names the early page's members before anything is written;
    // the one after the first ordered page says the job was taken over, so it stops there.
    const saved: Record<string, unknown>[] = [];
    await distributor.distribute(surveyId, {
      progress: null,
      checkpoint: (progress) => {
        saved.push(progress);
        return Promise.resolve(saved.length === 1);
      },
      extendLease: () => Promise.resolve(true),
    });
    expect(saved[0]).toEqual({ state: 0, after: null, early: expect.any(Array) as unknown });
    expect(saved[0].early).toHaveLength(10);
    expect(await invitations.countDocuments({ surveyId })).toBe(20);
    expect(await batches()).toHaveLength(2);

    // Second run from the first checkpoint, as if the first run had died before writing anything:
    // the early page again from its saved ids, the first ordered page again, then the rest.
    const checkpoints: unknown[] = [];
    await distributor.distribute(surveyId, {
      progress: saved[0],
      checkpoint: (progress) => {
        checkpoints.push(progress);
        return Promise.resolve(true);
      },
      extendLease: () => Promise.resolve(true),
    });
    expect(await invitations.countDocuments({ surveyId })).toBe(25);
    const queued = await batches();
    expect(
      queued.map((job) => (job.payload as { recipients: unknown[] }).recipients.length).sort((a, b) => a - b),
    ).toEqual([5, 10, 10]);
    expect(new Set(queued.map((job) => job._id)).size).toBe(3);
    const early = new Set(saved[0].early as string[]);
    const recipients = queued.flatMap((job) => (job.payload as { recipients: { invitationId: string }[] }).recipients);
    expect(new Set(recipients.map((r) => r.invitationId)).size).toBe(25);
    expect(recipients.filter((r) => early.has(r.invitationId.split(':')[1]))).toHaveLength(10);
    expect(checkpoints.at(-1)).toEqual({ state: 3, after: null });
    const figures = await t.app.get(ShardedCounters).read(counterGroup(surveyId));
    expect(figures.invited).toBe(25);
  });

  it('keeps only a few batches queued ahead of the workers, queueing the next as one finishes', async () => {
    await clearJobs(t); // the batches the test above queued
    await buildAudience(t, 25, 'ahead');
    const surveyId = await buildSurvey(t, 'Ahead survey');
    const distributor = t.app.get(Distributor);
    distributor.batchSize = 5;
    distributor.batchesAhead = 2;
    distributor.aheadPatienceMs = 60_000;
    const batches = () =>
      t.connection.collection('jobs').countDocuments({ type: SEND_BATCH_JOB, 'payload.surveyId': surveyId });
    let done = false;
    const distributing = distributor
      .distribute(surveyId, {
        progress: null,
        checkpoint: () => Promise.resolve(true),
        extendLease: () => Promise.resolve(true),
      })
      .then(() => (done = true));

    // Two batches queued, then the job waits (this test's 25 members and the test above's 25 make ten
    // pages of five).
    await until(async () => (await batches()) === 2);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect([await batches(), done]).toEqual([2, false]);

    // A worker sends one batch (real SMTP): the job queues the next and waits again.
    expect(await t.app.get(JobRunner).runDue(1)).toBe(1);
    await until(
      async () =>
        (await batches()) === 2 &&
        (await t.connection.collection('survey_invitations').countDocuments({ surveyId })) === 15,
    );
    expect(done).toBe(false);

    // Workers send the rest; every member of the council is invited exactly once.
    while (!done) {
      await t.app.get(JobRunner).runDue(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await distributing;
    expect(await t.connection.collection('survey_invitations').countDocuments({ surveyId })).toBe(50);
  });
});

/** Polls `check` (every 100 ms, up to 20 s) until it holds. */
async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('The condition did not hold within 20 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
