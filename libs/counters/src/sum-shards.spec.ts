import { corrections, RECONCILE_PROCESS, sumShards } from './sum-shards';

describe(sumShards.name, () => {
  it('adds every process’s shard of each figure', () => {
    expect(
      sumShards([
        { figure: 'sent', process: 'a', value: 3 },
        { figure: 'sent', process: 'b', value: 4 },
        { figure: 'failed', process: 'a', value: 1 },
        { figure: 'sent', process: RECONCILE_PROCESS, value: -1 },
      ]),
    ).toEqual({ sent: 6, failed: 1 });
  });
});

describe(corrections.name, () => {
  it('sets the reconcile shard so the sum equals the recount, replacing an earlier correction', () => {
    const shards = [
      { figure: 'sent', process: 'a', value: 3 },
      { figure: 'sent', process: 'b', value: 4 },
      { figure: 'sent', process: RECONCILE_PROCESS, value: 5 },
      { figure: 'opened', process: 'a', value: 2 },
    ];
    const fixed = corrections(shards, { sent: 9, bounced: 1 });
    expect(fixed).toEqual({ sent: 2, bounced: 1 });
    const after = sumShards([
      ...shards.filter((shard) => shard.process !== RECONCILE_PROCESS),
      ...Object.entries(fixed).map(([figure, value]) => ({ figure, process: RECONCILE_PROCESS, value })),
    ]);
    expect(after).toEqual({ sent: 9, opened: 2, bounced: 1 });
  });
});
