import { progressChart, rankCharts, rankIntervalChart, stackedRankIntervalChart, wrapLabel } from './charts';

describe('rankIntervalChart', () => {
  it('draws a dot per item at its rank and a bar over its interval, escaping names', () => {
    const svg = rankIntervalChart(
      [
        { item: 'Tactics & <culture>', rank: 1, rankInterval: [1, 2], topKShare: 1 },
        { item: 'Strategy', rank: 2, rankInterval: [1, 3], topKShare: 0.9 },
        { item: 'Voice', rank: 3, rankInterval: null, topKShare: null },
      ],
      2,
    );
    expect(svg).toContain('Tactics &amp; &lt;culture&gt;');
    expect(svg).not.toContain('<culture>');
    expect(svg.match(/<circle /g)).toHaveLength(3);
    // Two intervals, each a bar and two end ticks.
    expect(svg.match(/class="chart-interval"/g)).toHaveLength(6);
    expect(svg).toContain('role="img"');
    expect(svg).toContain(
      '1. Tactics &amp; &lt;culture&gt; (95% interval 1–2); 2. Strategy (95% interval 1–3); 3. Voice',
    );
  });
});

describe('wrapLabel', () => {
  it('breaks a long name at spaces into lines no longer than the limit, keeping every word', () => {
    const name = 'Customer advocacy and the voice of the customer across every business unit';
    const lines = wrapLabel(name, 20);
    expect(lines.join(' ')).toBe(name);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(20);
    expect(wrapLabel('Strategy', 20)).toEqual(['Strategy']);
  });

  it('breaks inside a word only when the word alone is longer than a line', () => {
    expect(wrapLabel('Supercalifragilistic x', 10)).toEqual(['Supercalif', 'ragilistic', 'x']);
  });
});

describe('rank charts', () => {
  const long = 'Customer advocacy and the voice of the customer across every business unit';
  const rows = [
    { item: long, rank: 1, rankInterval: [1, 2] as [number, number], topKShare: 1 },
    { item: 'Strategy', rank: 2, rankInterval: [1, 3] as [number, number], topKShare: 0.9 },
  ];

  it('shows a long name whole, over several lines, never cut with an ellipsis', () => {
    for (const svg of [rankIntervalChart(rows, 1), stackedRankIntervalChart(rows, 1)]) {
      expect(svg).not.toContain('…');
      const text = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join(' ');
      expect(text).toContain(`1. ${long}`);
      expect(svg.match(/<tspan/g)!.length).toBeGreaterThan(2);
    }
  });

  it('draws the phone chart in a narrow drawing with a larger type, next to the wide one', () => {
    expect(stackedRankIntervalChart(rows, 1)).toMatch(/font-size="13" viewBox="0 0 320 /);
    const both = rankCharts(rows, 1);
    expect(both).toContain('<div class="chart-wide"><svg');
    expect(both).toContain('<div class="chart-narrow"><svg');
    expect(both).toContain('id="rank-chart-stacked-title"');
  });
});

describe('progressChart', () => {
  it('starts the first date and ends the last at the edges of the drawing instead of past them, in words', () => {
    const svg = progressChart(
      [
        { date: '2026-03-01', completed: 10 },
        { date: '2026-03-09', completed: 30 },
      ],
      50,
      'p',
      320,
    );
    expect(svg).toMatch(/text-anchor="start" class="chart-axis" fill="#5b6473">1 March 2026</);
    expect(svg).toMatch(/text-anchor="end" class="chart-axis" fill="#5b6473">9 March 2026</);
  });

  it('plots the cumulative rate and describes the last day', () => {
    const svg = progressChart(
      [
        { date: '2026-03-01', completed: 10 },
        { date: '2026-03-02', completed: 30 },
      ],
      50,
    );
    expect(svg).toContain('<polyline');
    expect(svg).toContain('30 completed of 50 eligible by 2 March 2026 (60%)');
    expect(progressChart([], 0)).toContain('No completed responses yet');
  });
});
