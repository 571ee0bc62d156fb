import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import type { INestApplicationContext } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { SWEEP_JOB, TIER_CHANGED_JOB, seedDefaultTiers, TierRepository } from '@roundtable/billing';
import { JobQueue, JobRepository, JobRunner, RecurringJobs } from '@roundtable/jobs';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { testEnvironment } from '../support/create-test-app';

/** The real worker app (as `apps/worker/src/main.ts` boots it) runs billing's two jobs. */
describe('Billing in the worker app', () => {
  let worker: INestApplicationContext;
  let connection: Connection;

  beforeAll(async () => {
    Object.assign(process.env, testEnvironment(`rt_test_${randomBytes(4).toString('hex')}`));
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
    connection = worker.get<Connection>(getConnectionToken());
  });
  afterAll(async () => {
    await connection.dropDatabase().catch(() => undefined);
    await worker.close();
  });

  it('books the sweep at start, runs it with the report, and runs a tier-changed job', async () => {
    expect(await seedDefaultTiers(worker.get(TierRepository))).toBe(3);
    await worker.get(RecurringJobs).ensure(SWEEP_JOB);
    await worker.get(JobQueue).enqueue(TIER_CHANGED_JOB, { slug: 'council' });
    expect(await worker.get(JobRunner).runDue()).toBe(2);

    const jobs = worker.get(JobRepository);
    expect(await jobs.findRecent({ type: SWEEP_JOB, status: 'done' })).toHaveLength(1);
    expect(await jobs.findRecent({ type: SWEEP_JOB, status: 'pending' })).toHaveLength(1);
    expect(await jobs.findRecent({ type: TIER_CHANGED_JOB, status: 'done' })).toHaveLength(1);
    const report = await connection.collection('billing_reports').findOne({ _id: 'current' as never });
    expect(report).toMatchObject({ report: { revenue: [], newThisMonth: 0, churnedThisMonth: 0 } });
  });
});
