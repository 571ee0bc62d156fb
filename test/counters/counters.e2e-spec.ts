import { Module } from '@nestjs/common';
import { CountersModule, ShardedCounters } from '@roundtable/counters';
import { createTestApp, TestApp } from '../support/create-test-app';

@Module({ imports: [CountersModule] })
class CountersProbeModule {}

/** Two app instances stand for two processes bumping the same figures at once on FerretDB. */
describe('Sharded live counters (real FerretDB)', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await createTestApp({ imports: [CountersProbeModule] });
    second = await createTestApp({
      imports: [CountersProbeModule],
      env: { MONGODB_URI: `${process.env.TEST_MONGODB_URI}${first.databaseName}` },
    });
  });
  afterAll(async () => {
    await second.app.close();
    await first.close();
  });

  it('loses no update when two processes add 300 times each, all at once', async () => {
    const counters = [first, second].map((app) => app.app.get(ShardedCounters));
    await Promise.all(
      counters.flatMap((counter) =>
        Array.from({ length: 300 }, (_, i) => counter.add('survey:race', { sent: 1, failed: i % 10 === 0 ? 1 : 0 })),
      ),
    );
    expect(await counters[0].read('survey:race')).toEqual({ sent: 600, failed: 60 });
    // One shard per process and figure, not one document everybody bumps.
    expect(await first.connection.collection('counters').countDocuments({ group: 'survey:race' })).toBe(4);
  });

  it('reconciles drift from a recount, and later additions still count', async () => {
    const counter = first.app.get(ShardedCounters);
    await counter.add('survey:drift', { sent: 5, opened: 2 });
    await counter.reconcile('survey:drift', { sent: 7, bounced: 1 });
    expect(await counter.read('survey:drift')).toEqual({ sent: 7, opened: 2, bounced: 1 });
    await second.app.get(ShardedCounters).add('survey:drift', { sent: 1 });
    await counter.reconcile('survey:drift', { sent: 8, bounced: 1 });
    expect(await counter.read('survey:drift')).toEqual({ sent: 8, opened: 2, bounced: 1 });
  });
});
