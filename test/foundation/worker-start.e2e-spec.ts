import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import type { INestApplicationContext } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { JOB_KINDS, JOB_TYPES, JobLoop, JobRunner } from '@roundtable/jobs';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { testEnvironment } from '../support/create-test-app';

/** The real worker app, opened as `apps/worker/src/main.ts` opens it. */
describe('The worker at start-up', () => {
  let worker: INestApplicationContext;
  let connection: Connection;

  beforeAll(async () => {
    Object.assign(process.env, testEnvironment(`rt_test_${randomBytes(4).toString('hex')}`));
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
    connection = worker.get<Connection>(getConnectionToken());
  });
  afterAll(async () => {
    await worker.get(JobLoop).stop();
    await connection.dropDatabase().catch(() => undefined);
    await worker.close();
  });

  it('has a handler for every catalogued job type, and books each standing schedule its module defines', async () => {
    expect(worker.get(JobRunner).missingHandlers()).toEqual([]);
    await worker.get(JobLoop).open(60_000);
    const booked = await connection
      .collection('jobs')
      .find({ _id: { $regex: '^sched:' } as never })
      .toArray();
    const standing = JOB_TYPES.filter((type) => JOB_KINDS[type] === 'standing');
    expect(booked.map((job) => String(job._id)).sort()).toEqual(standing.map((type) => `sched:${type}:default`).sort());
  });
});
