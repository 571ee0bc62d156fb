import { Module } from '@nestjs/common';
import { CountersModule, ShardedCounters } from '@roundtable/counters';
import { Connection } from 'mongodb/lib/cmap/connection';
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

  it('writes every figure a write carries in one command, and each figure still counts', async () => {
    const counter = first.app.get(ShardedCounters);
    const updates: number[] = [];
    // Every command the driver sends passes here (the benchmark's command counter wraps the same method).
    const send = Connection.prototype.command;
    const command = jest.spyOn(Connection.prototype, 'command').mockImplementation(function (
      this: Connection,
      ...args: Parameters<Connection['command']>
    ) {
      const sent = args[1] as { update?: string; updates?: unknown[] | { documents: unknown[] } };
      if (sent.update === 'counters') {
        // A bulk's statements travel as a document sequence beside the command.
        const statements = Array.isArray(sent.updates) ? sent.updates : sent.updates?.documents;
        updates.push(statements?.length ?? 0);
      }
      return send.apply(this, args);
    });
    try {
      await counter.add('survey:one-write', { opened: 1, started: 2, completed: 3, 'completed:tier:Gold': 4 });
    } finally {
      command.mockRestore();
    }
    // One command of four upserts, where each figure was its own round trip.
    expect(updates).toEqual([4]);
    expect(await counter.read('survey:one-write')).toEqual({
      opened: 1,
      started: 2,
      completed: 3,
      'completed:tier:Gold': 4,
    });
  });
});
