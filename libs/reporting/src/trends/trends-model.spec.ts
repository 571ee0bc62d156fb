import { computeTrends } from './wave-trends';
import { rankChangeText, signedScore, trendsModel } from './trends-model';
import { wrap } from './slope-chart';

const ITEMS = [
  { key: 'i1', label: 'Customer-centric tactics' },
  { key: 'i2', label: 'Customer experience management' },
  { key: 'i3', label: 'Customer strategy' },
];

function series() {
  // Wave 1: tactics first for everyone. Wave 2: i2 renamed, i3 retired, i4 added; experience first.
  const first = Array.from({ length: 30 }, () => ['i1', 'i2']);
  const second = Array.from({ length: 30 }, () => ['i2', 'i1', 'i4']);
  return computeTrends(
    [
      { surveyId: 'w1', title: 'Survey 2025', items: ITEMS, held: first },
      {
        surveyId: 'w2',
        title: 'Survey 2026',
        items: [
          { key: 'i1', label: 'Customer-centric tactics' },
          { key: 'i2', label: 'CX management' },
          { key: 'i4', label: 'Customer success' },
        ],
        held: second,
      },
    ],
    { seed: 42, resamples: 200 },
  );
}

describe('trendsModel', () => {
  it("gives each wave's own ranks and the pair's verdicts, added and retired items by label", () => {
    const trends = series();
    expect(trends.waves.map((wave) => wave.items.map((item) => `${item.rank}:${item.key}`))).toEqual([
      ['1:i1', '2:i2', '3:i3'],
      ['1:i2', '2:i1', '3:i4'],
    ]);
    const model = trendsModel(trends, 5);
    expect(model.visible).toBe(true);
    const [pair] = model.pairs;
    expect(pair.heading).toBe('Wave 1 to Wave 2');
    expect(pair.added).toEqual(['Customer success']);
    expect(pair.retired).toEqual(['Customer strategy']);
    const byKey = new Map(pair.rows.map((row) => [row.key, row]));
    // Everyone answered alike within each wave, so every resample is the same: the interval is one point.
    expect(byKey.get('i2')).toMatchObject({ label: 'CX management', rankChange: 'up 1', verdict: 'Rose' });
    expect(byKey.get('i1')).toMatchObject({ rankChange: 'down 1', verdict: 'Fell' });
    expect(model.chart).toContain('<title id="slope-chart-title">Each item&#39;s rank in each wave</title>');
    expect(model.chart).toContain('CX management: Wave 1 rank 2, Wave 2 rank 1 (rose)');
    expect(model.chart).toContain('Customer strategy: Wave 1 rank 3, Wave 2 not asked');
  });

  it('hides the trend from members when a wave has fewer respondents than the minimum cell', () => {
    expect(trendsModel(series(), 31).visible).toBe(false);
    expect(trendsModel(series(), 30).visible).toBe(true);
  });
});

describe('the trend formats', () => {
  it('writes rank changes in words and score changes with a sign', () => {
    expect(rankChangeText(-2)).toBe('up 2');
    expect(rankChangeText(1)).toBe('down 1');
    expect(rankChangeText(0)).toBe('same');
    expect(signedScore(0.421)).toBe('+0.42');
    expect(signedScore(-0.1)).toBe('−0.10');
    expect(signedScore(-0.001)).toBe('0.00');
  });

  it('wraps chart labels at spaces instead of cutting them', () => {
    expect(wrap('Metrics and analytics related to customer-centricity', 30)).toEqual([
      'Metrics and analytics related',
      'to customer-centricity',
    ]);
    expect(wrap('Supercalifragilisticexpialidocious word', 10)).toEqual(['Supercalifragilisticexpialidocious', 'word']);
  });
});
