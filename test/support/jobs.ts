import type { INestApplicationContext } from '@nestjs/common';
import { JobContext, JobQueue, JobRunner, RecurringJobs } from '@roundtable/jobs';
import type { TestApp } from './create-test-app';
import { modelOf } from './stored';

/**
 * Payloads of the job types only the queue's own tests use. They stay out of the app's catalogue
 * (`JobPayloads`): augmenting it would make `JOB_KINDS`, which must list exactly the catalogued
 * types, either incomplete or carry test types into the app.
 */
export interface TestJobPayloads {
  'test.record': { word: string };
  'test.flaky': Record<string, never>;
  'test.permanent': Record<string, never>;
  'test.long': Record<string, never>;
  'test.race': { n: number };
  'test.every-hour': Record<string, never>;
  'test.twice': Record<string, never>;
}
export type TestJobType = keyof TestJobPayloads;

type TestJobHandler<T extends TestJobType> = (payload: TestJobPayloads[T], context: JobContext) => Promise<void>;

/** The queue's services for test job types, typed as they would be if those types were catalogued. */
export interface TestJobs {
  register<T extends TestJobType>(type: T, handler: TestJobHandler<T>): void;
  enqueue<T extends TestJobType>(
    type: T,
    payload: TestJobPayloads[T],
    options?: { runAt?: Date; maxAttempts?: number },
  ): Promise<string>;
  define<T extends TestJobType>(
    type: T,
    schedule: { everyMs: number } | { next: (now: Date, payload: TestJobPayloads[T]) => Date | null },
    handler: TestJobHandler<T>,
  ): void;
  ensure(type: TestJobType, options?: { key?: string }): Promise<boolean>;
}

/** Registers, queues and schedules test job types on `app`'s runner, queue and recurring jobs. */
export function testJobs(app: INestApplicationContext): TestJobs {
  // The one cast: these services take only catalogued types at compile time, while at run time a
  // job's type is just the string it is stored and dispatched under, so a test type runs like any.
  const services = {
    runner: app.get(JobRunner),
    queue: app.get(JobQueue),
    recurring: app.get(RecurringJobs),
  } as unknown as {
    runner: Pick<TestJobs, 'register'>;
    queue: Pick<TestJobs, 'enqueue'>;
    recurring: Pick<TestJobs, 'define' | 'ensure'>;
  };
  return {
    register: (type, handler) => services.runner.register(type, handler),
    enqueue: (type, payload, options) => services.queue.enqueue(type, payload, options),
    define: (type, schedule, handler) => services.recurring.define(type, schedule, handler),
    ensure: (type, options) => services.recurring.ensure(type, options),
  };
}

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
