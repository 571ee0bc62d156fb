import { JobQueue, JobRepository, JobRunner, PermanentJobError } from '@roundtable/jobs';
import { createTestApp, TestApp } from '../support/create-test-app';

describe('The job queue (real FerretDB)', () => {
  let t: TestApp;
  let queue: JobQueue;
  let runner: JobRunner;
  let jobs: JobRepository;
  const seen: string[] = [];
  let flakyCalls = 0;

  beforeAll(async () => {
    t = await createTestApp();
    queue = t.app.get(JobQueue);
    runner = t.app.get(JobRunner);
    jobs = t.app.get(JobRepository);
    runner.register('test.record', async (payload) => {
      seen.push(String(payload.word));
    });
    runner.register('test.flaky', async () => {
      flakyCalls += 1;
      throw new Error(`temporary failure ${flakyCalls}`);
    });
    runner.register('test.permanent', async () => {
      throw new PermanentJobError('the address does not exist');
    });
  });
  afterAll(() => t.close());

  it('runs due jobs in order and marks them done', async () => {
    const first = await queue.enqueue('test.record', { word: 'one' });
    await queue.enqueue('test.record', { word: 'two' });
    await queue.enqueue('test.record', { word: 'later' }, { runAt: new Date(Date.now() + 60_000) });
    expect(await runner.runDue()).toBe(2);
    expect(seen).toEqual(['one', 'two']);
    expect(await jobs.findById(first)).toMatchObject({ status: 'done', attempts: 1, lockedUntil: null });
    expect(await runner.runDue()).toBe(0);
  });

  it('retries a failing job later with its last error, and fails it after its last attempt', async () => {
    const id = await queue.enqueue('test.flaky', {}, { maxAttempts: 2 });
    await runner.runDue();
    const retried = await jobs.findById(id);
    expect(retried).toMatchObject({ status: 'pending', attempts: 1, lastError: 'temporary failure 1' });
    expect(retried!.runAt.getTime()).toBeGreaterThan(Date.now());

    await t.connection.collection('jobs').updateOne({ _id: retried!._id }, { $set: { runAt: new Date() } });
    await runner.runDue();
    expect(await jobs.findById(id)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'temporary failure 2' });
  });

  it('fails a job at once on a permanent error', async () => {
    const id = await queue.enqueue('test.permanent', {});
    await runner.runDue();
    expect(await jobs.findById(id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'the address does not exist',
    });
  });

  it('takes over a job whose worker crashed once its lease has run out', async () => {
    const id = await queue.enqueue('test.record', { word: 'orphan' });
    const claimed = await jobs.claimNext('crashed-worker', 60_000);
    expect(String(claimed!._id)).toBe(id);
    expect(await runner.runDue()).toBe(0);

    await t.connection.collection('jobs').updateOne({ _id: claimed!._id }, { $set: { lockedUntil: new Date(0) } });
    expect(await runner.runDue()).toBe(1);
    expect(seen).toContain('orphan');
    expect(await jobs.findById(id)).toMatchObject({ status: 'done', lockedBy: runner.workerId });
  });
});
