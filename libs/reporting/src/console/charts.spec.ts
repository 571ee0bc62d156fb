import { escapeXml, progressChart, rankIntervalChart } from './charts';
import { toCsv } from './csv';

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

describe('progressChart', () => {
  it('plots the cumulative rate and describes the last day', () => {
    const svg = progressChart(
      [
        { date: '2026-03-01', completed: 10 },
        { date: '2026-03-02', completed: 30 },
      ],
      50,
    );
    expect(svg).toContain('<polyline');
    expect(svg).toContain('30 completed of 50 eligible by 2026-03-02 (60%)');
    expect(progressChart([], 0)).toContain('No completed responses yet');
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and neutralises formula-like text', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, "y"', -1.5],
          ['=SUM(A1)', null],
          ['@x', true],
        ],
      ),
    ).toBe('a,b\r\n"x, ""y""",-1.5\r\n\'=SUM(A1),\r\n\'@x,true\r\n');
    expect(escapeXml(`"'`)).toBe('&quot;&#39;');
  });
});
