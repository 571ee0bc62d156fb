import { JobRepository, JobRunner, PermanentJobError, scheduleJobId } from '@roundtable/jobs';
import { createTestApp, TestApp } from '../support/create-test-app';
import { clearJobs, makeJobsDue, TestJobs, testJobs } from '../support/jobs';

describe('The job queue (real FerretDB)', () => {
  let t: TestApp;
  let testTypes: TestJobs;
  let runner: JobRunner;
  let jobs: JobRepository;
  const seen: string[] = [];
  let flakyCalls = 0;

  beforeAll(async () => {
    t = await createTestApp();
    testTypes = testJobs(t.app);
    runner = t.app.get(JobRunner);
    jobs = t.app.get(JobRepository);
    testTypes.register('test.record', async (payload) => {
      seen.push(payload.word);
    });
    testTypes.register('test.flaky', async () => {
      flakyCalls += 1;
      throw new Error(`temporary failure ${flakyCalls}`);
    });
    testTypes.register('test.permanent', async () => {
      throw new PermanentJobError('the address does not exist');
    });
  });
  afterAll(() => t.close());

  it('runs due jobs in order, and finished jobs leave the queue for the history', async () => {
    const first = await testTypes.enqueue('test.record', { word: 'one' });
    await testTypes.enqueue('test.record', { word: 'two' });
    await testTypes.enqueue('test.record', { word: 'later' }, { runAt: new Date(Date.now() + 60_000) });
    expect(await runner.runDue()).toBe(2);
    expect(seen).toEqual(['one', 'two']);
    expect(await jobs.findById(first)).toMatchObject({ status: 'done', attempts: 1, lockedUntil: null });
    expect(await runner.runDue()).toBe(0);
    // Only the job still to do is in the queue collection (a claim scans only what is pending).
    expect(await t.connection.collection('jobs').countDocuments({ type: 'test.record' })).toBe(1);
    expect(await t.connection.collection('job_claims').countDocuments({ jobId: first })).toBe(0);
  });

  it('retries a failing job later with its last error, and fails it after its last attempt', async () => {
    const id = await testTypes.enqueue('test.flaky', {}, { maxAttempts: 2 });
    await runner.runDue();
    const retried = await jobs.findById(id);
    expect(retried).toMatchObject({ status: 'pending', attempts: 1, lastError: 'temporary failure 1' });
    expect(retried!.runAt.getTime()).toBeGreaterThan(Date.now());

    await makeJobsDue(t, { id, at: new Date() });
    await runner.runDue();
    expect(await jobs.findById(id)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'temporary failure 2' });
    expect(await jobs.findRecent({ type: 'test.flaky', status: 'failed' })).toHaveLength(1);
  });

  it('fails a job at once on a permanent error', async () => {
    const id = await testTypes.enqueue('test.permanent', {});
    await runner.runDue();
    expect(await jobs.findById(id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'the address does not exist',
    });
  });

  it('takes over a job whose worker crashed once its lease has run out, and the crashed worker cannot settle it', async () => {
    await clearJobs(t);
    const id = await testTypes.enqueue('test.record', { word: 'orphan' });
    const [claimed] = await jobs.claimBatch('crashed-worker', 60_000, 5);
    expect(claimed._id).toBe(id);
    expect(await runner.runDue()).toBe(0);

    await makeJobsDue(t, { id });
    expect(await runner.runDue()).toBe(1);
    expect(seen).toContain('orphan');
    expect(await jobs.findById(id)).toMatchObject({ status: 'done', lockedBy: runner.workerId, attempts: 2 });
    // The crashed worker waking up late neither re-queues nor extends what it no longer holds.
    expect(await jobs.extendLease(claimed, 60_000)).toBe(false);
    await jobs.retryLater(claimed, new Date(), 'late');
    expect(await t.connection.collection('jobs').countDocuments({ _id: id as never })).toBe(0);
  });

  it('claims a long job alone, so a second worker takes the next one instead of waiting behind it', async () => {
    await clearJobs(t);
    const long = (type: string) => type === 'test.long';
    const past = (seconds: number) => new Date(Date.now() - seconds * 1000);
    await testTypes.enqueue('test.record', { word: 'short' }, { runAt: past(30) });
    const firstLong = await testTypes.enqueue('test.long', {}, { runAt: past(20) });
    const secondLong = await testTypes.enqueue('test.long', {}, { runAt: past(10) });
    // Short jobs are claimed together; a long one is not added to them.
    const shortOnly = await jobs.claimBatch('worker-a', 60_000, 5, long);
    expect(shortOnly.map((job) => job.type)).toEqual(['test.record']);
    const a = await jobs.claimBatch('worker-a', 60_000, 5, long);
    const b = await jobs.claimBatch('worker-b', 60_000, 5, long);
    expect(a.map((job) => job._id)).toEqual([firstLong]);
    expect(b.map((job) => job._id)).toEqual([secondLong]);
    // Without the rule, one claim takes every due job.
    await makeJobsDue(t, { at: past(1) });
    expect(await jobs.claimBatch('worker-c', 60_000, 5)).toHaveLength(3);
    await clearJobs(t);
  });

  it('keeps exactly one queued run per recurring schedule and moves it on after each run', async () => {
    let runs = 0;
    testTypes.define('test.every-hour', { everyMs: 3_600_000 }, async () => {
      runs += 1;
    });
    const booked = await Promise.all([1, 2, 3, 4].map(() => testTypes.ensure('test.every-hour')));
    expect(booked.filter(Boolean)).toHaveLength(1);
    const before = Date.now();
    expect(await runner.runDue()).toBe(1);
    expect(runs).toBe(1);
    const pending = await jobs.findRecent({ type: 'test.every-hour', status: 'pending' });
    expect(pending).toHaveLength(1);
    expect(pending[0]._id).toBe(scheduleJobId('test.every-hour', 'default'));
    expect(pending[0].runAt.getTime()).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
    expect(await testTypes.ensure('test.every-hour')).toBe(false);
    expect(await jobs.findRecent({ type: 'test.every-hour', status: 'done' })).toHaveLength(1);
  });

  it('ends a schedule whose next-run function returns null', async () => {
    const times: Date[] = [new Date()];
    testTypes.define('test.twice', { next: () => times.shift() ?? null }, async () => undefined);
    await testTypes.ensure('test.twice', { key: 'survey-1' });
    // The first run books the second at once (due now), so one call runs both, then the schedule ends.
    expect(await runner.runDue()).toBe(2);
    expect(await runner.runDue()).toBe(0);
    expect(await jobs.findRecent({ type: 'test.twice', status: 'pending' })).toHaveLength(0);
    expect(await jobs.findRecent({ type: 'test.twice', status: 'done' })).toHaveLength(2);
  });
});
