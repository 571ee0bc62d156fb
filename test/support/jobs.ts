import type { TestApp } from './create-test-app';

/**
 * Runs out the lease of every job a killed worker held, as if its minute had passed, so a restarted
 * worker claims them at once instead of after the wait (the claim then finds the orphan expired).
 */
export async function expireRunningLeases(t: TestApp): Promise<void> {
  await t.connection.collection('jobs').updateMany({ status: 'running' }, { $set: { runAt: new Date(0) } });
}
