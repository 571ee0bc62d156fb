import { legacyFigures } from './legacy-download-counts';

describe(legacyFigures.name, () => {
  it('sums the old per-process counters into one figure per resource and tier', () => {
    expect(
      legacyFigures([
        { resourceId: 'r1', tier: 'council', count: 2 },
        { resourceId: 'r1', tier: 'council', count: 3 },
        { resourceId: 'r1', tier: 'staff', count: 1 },
        { resourceId: 'r2', tier: 'council', count: Number.NaN },
      ]),
    ).toEqual({ 'r1|council': 5, 'r1|staff': 1, 'r2|council': 0 });
  });
});
