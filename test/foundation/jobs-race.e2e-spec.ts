import { JobLoop, JobRunner, JobRepository } from '@roundtable/jobs';
import { createTestApp, TestApp } from '../support/create-test-app';
import { testJobs } from '../support/jobs';

/**
 * Two job loops (two app instances, each its own connection pool and worker id) share one queue on
 * FerretDB, where concurrent guarded updates of one document all "win": the claim by unique insert
 * must still run every job exactly once.
 */
describe('Two workers racing for one queue (real FerretDB)', () => {
  let first: TestApp;
  let second: TestApp;
  const runs = new Map<number, string[]>();

  beforeAll(async () => {
    first = await createTestApp();
    // The second app writes to the first one's database.
    second = await createTestApp({ env: { MONGODB_URI: `${process.env.TEST_MONGODB_URI}${first.databaseName}` } });
    for (const app of [first, second]) {
      const runner = app.app.get(JobRunner);
      runner.batchSize = 3;
      testJobs(app.app).register('test.race', async ({ n }) => {
        runs.set(n, [...(runs.get(n) ?? []), runner.workerId]);
        await new Promise((resolve) => setImmediate(resolve));
      });
    }
  });
  afterAll(async () => {
    await second.app.close();
    await first.close();
  });

  it('runs each of 120 jobs exactly once, shared between both workers', async () => {
    const queue = testJobs(first.app);
    for (let n = 0; n < 120; n += 1) {
      await queue.enqueue('test.race', { n });
    }
    const loops = [first, second].map((app) => app.app.get(JobLoop));
    loops.forEach((loop) => loop.start(20));
    const deadline = Date.now() + 120_000;
    while (runs.size < 120 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Let any second run of a job (the defect) show up before stopping.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await Promise.all(loops.map((loop) => loop.stop()));

    expect(runs.size).toBe(120);
    expect([...runs.values()].filter((workers) => workers.length > 1)).toEqual([]);
    const workers = new Set([...runs.values()].map(([worker]) => worker));
    expect(workers.size).toBe(2);
    expect(await first.app.get(JobRepository).findRecent({ type: 'test.race', status: 'done' }, 500)).toHaveLength(120);
    expect(await first.connection.collection('jobs').countDocuments({})).toBe(0);
  });
});
