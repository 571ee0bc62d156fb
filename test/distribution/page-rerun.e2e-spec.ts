import { ShardedCounters } from '@roundtable/counters';
import { counterGroup, Distributor, SEND_BATCH_JOB } from '@roundtable/distribution';
import { JobRunner } from '@roundtable/jobs';
import mongoose from 'mongoose';
import { createTestApp, TestApp } from '../support/create-test-app';
import { clearJobs } from '../support/jobs';
import { buildAudience, buildSurvey } from './distribution-fixtures';

/**
 * The distribution job writes a page's invitations in one unordered insert and counts only those the
 * insert created. It reads the audience in no order (FerretDB v1 sorts in memory: an ordered read gave
 * nothing until it had read and held every member), so each page's members are saved in the checkpoint
 * before any of it is written. A run that stops after saving a page it never wrote (its lease taken
 * over), and a second run that goes on from that checkpoint, must leave one invitation per member, one
 * send batch per page and `invited` equal to the audience, on FerretDB as on MongoDB.
 */
describe('Distribution pages read twice (real FerretDB)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => {
    mongoose.set('debug', false);
    return t?.close();
  });

  it('reads the audience with no sort, so the first page waits for no full read', async () => {
    await buildAudience(t, 12, 'unsorted');
    const surveyId = await buildSurvey(t, 'Unsorted survey');
    const distributor = t.app.get(Distributor);
    distributor.batchSize = 5;
    const memberReads: unknown[] = [];
    mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
      if (collection === 'members' && method === 'find') {
        memberReads.push(args[1]);
      }
    });
    try {
      await distributor.distribute(surveyId, {
        progress: null,
        checkpoint: () => Promise.resolve(true),
        extendLease: () => Promise.resolve(true),
      });
    } finally {
      mongoose.set('debug', false);
    }
    expect(memberReads).toHaveLength(1); // one cursor for every membership state in the audience
    expect(memberReads.filter((options) => (options as { sort?: unknown } | undefined)?.sort !== undefined)).toEqual(
      [],
    );
    expect(await t.connection.collection('survey_invitations').countDocuments({ surveyId })).toBe(12);
    await clearJobs(t);
  });

  it('writes each invitation and queues each batch once, and counts each member once', async () => {
    await buildAudience(t, 13, 'rerun');
    const surveyId = await buildSurvey(t, 'Rerun survey');
    const distributor = t.app.get(Distributor);
    distributor.batchSize = 10;
    const invitations = t.connection.collection('survey_invitations');
    const batches = () => t.connection.collection('jobs').find({ type: 'survey.send-batch' }).toArray();

    // First run: each checkpoint names a page's members before anything of it is written; the second
    // says the job was taken over, so the second page is saved but never written.
    const saved: Record<string, unknown>[] = [];
    await distributor.distribute(surveyId, {
      progress: null,
      checkpoint: (progress) => {
        saved.push(progress);
        return Promise.resolve(saved.length === 1);
      },
      extendLease: () => Promise.resolve(true),
    });
    expect(saved).toHaveLength(2);
    expect(saved[1]).toEqual({ page: 2, members: expect.any(Array) as unknown });
    expect(saved[1].members).toHaveLength(10);
    expect(await invitations.countDocuments({ surveyId })).toBe(10);
    expect(await batches()).toHaveLength(1);

    // Second run from that checkpoint: the saved page from its ids, then the members not yet invited.
    const checkpoints: unknown[] = [];
    await distributor.distribute(surveyId, {
      progress: saved[1],
      checkpoint: (progress) => {
        checkpoints.push(progress);
        return Promise.resolve(true);
      },
      extendLease: () => Promise.resolve(true),
    });
    expect(await invitations.countDocuments({ surveyId })).toBe(25);
    const queued = await batches();
    // A batch's recipients are stored beside its job, which names them; the lists the second run stored
    // for pages already queued were removed again.
    const lists = t.connection.collection<{ _id: string; recipients: { invitationId: string }[] }>(
      'send_batch_recipients',
    );
    const listOf = async (job: (typeof queued)[number]) => {
      const payload = job.payload as { recipients?: unknown; recipientsId: string };
      expect(payload.recipients).toBeUndefined();
      return (await lists.findOne({ _id: payload.recipientsId }))!.recipients;
    };
    const recipientLists = await Promise.all(queued.map(listOf));
    expect(recipientLists.map((list) => list.length).sort((a, b) => a - b)).toEqual([5, 10, 10]);
    expect(await lists.countDocuments({ _id: { $regex: `^batch:${surveyId}:` } })).toBe(3);
    expect(new Set(queued.map((job) => job._id)).size).toBe(3);
    const savedPage = new Set((saved[1].members as string[]).map((memberId) => `${surveyId}:${memberId}`));
    const secondPage = queued.findIndex((job) => String(job._id).endsWith(':page-2'));
    expect(new Set(recipientLists[secondPage].map((r) => r.invitationId))).toEqual(savedPage);
    const recipients = recipientLists.flat();
    expect(new Set(recipients.map((r) => r.invitationId)).size).toBe(25);
    expect(checkpoints.at(-1)).toEqual({ page: 3, members: expect.any(Array) as unknown });
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

    // Two batches queued, then the job waits (this test's 25 members and the tests above' 25 make ten
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
