import { downloadFigure, downloadRows, sumDownloads } from './download-stats';

describe('sumDownloads', () => {
  it('adds up every process’s counters per resource and tier, most downloaded first', () => {
    const rows = sumDownloads(
      [
        { id: 'a', title: 'Job description' },
        { id: 'b', title: 'Classifying CCOs' },
        { id: 'c', title: 'Never downloaded' },
      ],
      [
        { resourceId: 'a', tier: 'council', count: 2 },
        { resourceId: 'b', tier: 'council', count: 3 },
        { resourceId: 'b', tier: 'executive', count: 1 },
        { resourceId: 'b', tier: 'council', count: 4 },
        { resourceId: 'gone', tier: 'council', count: 9 },
      ],
    );
    expect(rows).toEqual([
      {
        resourceId: 'b',
        title: 'Classifying CCOs',
        total: 8,
        byTier: [
          { tier: 'council', count: 7 },
          { tier: 'executive', count: 1 },
        ],
      },
      { resourceId: 'a', title: 'Job description', total: 2, byTier: [{ tier: 'council', count: 2 }] },
      { resourceId: 'c', title: 'Never downloaded', total: 0, byTier: [] },
    ]);
  });
});

describe('downloadRows', () => {
  it('reads the figures `<resourceId>|<tier>` back as rows, leaving out any other figure', () => {
    const id = '0123456789abcdef01234567';
    expect(downloadFigure(id, 'council')).toBe(`${id}|council`);
    expect(downloadRows({ [`${id}|council`]: 3, [`${id}|staff`]: 1, stray: 5 })).toEqual([
      { resourceId: id, tier: 'council', count: 3 },
      { resourceId: id, tier: 'staff', count: 1 },
    ]);
  });
});
