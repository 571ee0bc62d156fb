import { SegmentTally } from './segments';

describe(SegmentTally.name, () => {
  it('counts invited and completed per tier and per revenue band', () => {
    const tally = new SegmentTally();
    tally.add({ _id: 'a', tier: 'council', profile: { revenueBand: 'Over $1B' } }, true);
    tally.add({ _id: 'b', tier: 'council', profile: { revenueBand: 'Under $100M' } }, false);
    tally.add({ _id: 'c', tier: 'executive', profile: null }, true);
    expect(tally.result()).toEqual([
      { dimension: 'revenue', value: 'not given', invited: 1, completed: 1 },
      { dimension: 'revenue', value: 'Over $1B', invited: 1, completed: 1 },
      { dimension: 'revenue', value: 'Under $100M', invited: 1, completed: 0 },
      { dimension: 'tier', value: 'council', invited: 2, completed: 1 },
      { dimension: 'tier', value: 'executive', invited: 1, completed: 1 },
    ]);
  });
});
