import { JobQueue, JobRepository, JobRunner } from '@roundtable/jobs';
import { createTestApp, TestApp } from '../support/create-test-app';
import { clearJobs } from '../support/jobs';

/**
 * A claim is two writes: the unique insert of `<jobId>:<n>` (which decides the winner) and the job's
 * update to claim number n. A worker that dies between them leaves a claim that nobody else can
 * insert again while the job still reads "claim n next". These tests fail the process at exactly
 * that instant through the repository's fault hook, the way a SIGKILL would: nothing after it runs.
 */
describe('The job queue after a worker died mid-claim (real FerretDB)', () => {
  let t: TestApp;
  let queue: JobQueue;
  let runner: JobRunner;
  let jobs: JobRepository;
  const ran: string[] = [];
  const LEASE_MS = 1_500;
  const killed = () => Promise.reject(new Error('worker killed between the claim and the job update'));
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const past = (ms: number) => new Date(Date.now() - ms);

  /** Claims the oldest due job with the worker "killed" right after its claim insert. */
  async function orphanOldest(): Promise<void> {
    jobs.betweenClaimAndTake = killed;
    await expect(jobs.claimBatch('doomed-worker', LEASE_MS, 1)).rejects.toThrow('worker killed');
    jobs.betweenClaimAndTake = null;
  }

  beforeAll(async () => {
    t = await createTestApp();
    queue = t.app.get(JobQueue);
    runner = t.app.get(JobRunner);
    jobs = t.app.get(JobRepository);
    runner.leaseMs = LEASE_MS;
    runner.register('test.orphan' as never, async (payload: { word: string }) => {
      ran.push(payload.word);
    });
  });
  beforeEach(async () => {
    ran.length = 0;
    jobs.betweenClaimAndTake = null;
    await clearJobs(t);
  });
  afterAll(() => t.close());

  it('runs a job again once the lease of a claim whose worker died before updating the job has run out', async () => {
    const id = await queue.enqueue('test.orphan' as never, { word: 'lost' } as never);
    await orphanOldest();
    expect(await t.connection.collection('job_claims').countDocuments({ jobId: id })).toBe(1);
    expect(await jobs.findById(id)).toMatchObject({ status: 'pending', attempts: 0 });

    // Within the dead worker's lease nobody may take it (it might only be slow).
    expect(await runner.runDue()).toBe(0);
    await sleep(LEASE_MS + 200);
    expect(await runner.runDue()).toBe(1);
    expect(ran).toEqual(['lost']);
    expect(await jobs.findById(id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('keeps the queue moving past more orphaned claims than one claim round reads, then runs them all', async () => {
    const orphans = 2 * runner.batchSize + 2;
    // Each orphan is the oldest due job when it is claimed, so the doomed claim takes it.
    for (let k = 0; k < orphans; k += 1) {
      await queue.enqueue('test.orphan' as never, { word: `orphan ${k}` } as never, { runAt: past(60_000 + k * 1000) });
      await orphanOldest();
    }
    expect(await t.connection.collection('job_claims').countDocuments({})).toBe(orphans);
    for (const word of ['fresh a', 'fresh b', 'fresh c']) {
      await queue.enqueue('test.orphan' as never, { word } as never);
    }

    // While the orphans' leases run, the jobs queued behind them still go out.
    expect(await runner.runDue()).toBe(3);
    expect(ran.sort()).toEqual(['fresh a', 'fresh b', 'fresh c']);

    await sleep(LEASE_MS + 200);
    ran.length = 0;
    expect(await runner.runDue(100)).toBe(orphans);
    expect(ran.sort()).toEqual(Array.from({ length: orphans }, (_, k) => `orphan ${k}`).sort());
    expect(await t.connection.collection('jobs').countDocuments({})).toBe(0);
    expect(await t.connection.collection('job_claims').countDocuments({})).toBe(0);
  });

  it('lets a worker that only stalled past its lease between the two writes run nothing, once another took the job', async () => {
    const id = await queue.enqueue('test.orphan' as never, { word: 'once' } as never);
    let wake: () => void = () => undefined;
    let stalled: () => void = () => undefined;
    const isStalled = new Promise<void>((resolve) => (stalled = resolve));
    jobs.betweenClaimAndTake = () => {
      jobs.betweenClaimAndTake = null;
      stalled();
      return new Promise<void>((resolve) => (wake = resolve));
    };
    const slow = jobs.claimBatch('slow-worker', LEASE_MS, 1);
    await isStalled;
    await sleep(LEASE_MS + 200);
    expect(await runner.runDue()).toBe(1);
    wake();
    expect(await slow).toEqual([]);
    expect(ran).toEqual(['once']);
    expect(await jobs.findById(id)).toMatchObject({ status: 'done', lockedBy: runner.workerId });
  });

  it('lets exactly one of many workers racing for an expired orphaned claim take the job', async () => {
    const id = await queue.enqueue('test.orphan' as never, { word: 'raced' } as never);
    await orphanOldest();
    await sleep(LEASE_MS + 200);
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, k) => jobs.claimBatch(`racer-${k}`, 60_000, runner.batchSize)),
    );
    const winners = claims.flat();
    expect(winners.map((job) => job._id)).toEqual([id]);
    expect(await jobs.findById(id)).toMatchObject({ status: 'running', attempts: 1, lockedBy: winners[0].lockedBy });
  });
});
