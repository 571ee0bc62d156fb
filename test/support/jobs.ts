import type { TestApp } from './create-test-app';
import { modelOf } from './stored';

/**
 * Runs out the lease of every job a killed worker held, as if its minute had passed, so a restarted
 * worker claims them at once instead of after the wait (the claim then finds the orphan expired).
 */
export async function expireRunningLeases(t: TestApp): Promise<void> {
  await t.connection.collection('jobs').updateMany({ status: 'running' }, { $set: { runAt: new Date(0) } });
}

/**
 * Makes queued jobs due at `at` (the epoch unless given): all of them, or the one with `id`. Stands
 * in for waiting out a retry's backoff or a lease, as the clock would.
 */
export async function makeJobsDue(t: TestApp, options: { id?: string; at?: Date } = {}): Promise<void> {
  await modelOf(t, 'Job').updateMany(options.id ? { _id: options.id } : {}, {
    $set: { runAt: options.at ?? new Date(0) },
  });
}

/** Empties the queue (jobs and their claims), so a test starts from no work whatever ran before it. */
export async function clearJobs(t: TestApp): Promise<void> {
  await modelOf(t, 'Job').deleteMany({});
  await modelOf(t, 'JobClaim').deleteMany({});
}
