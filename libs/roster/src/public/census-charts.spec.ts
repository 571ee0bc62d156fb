import { barChart, niceMax, survivalChart } from './census-charts';

describe('census charts', () => {
  it('draws one bar per value with its number in the title, the description and the escaped text', () => {
    const svg = barChart(
      'p',
      'People <in> the role',
      [
        { label: '2003', value: 24 },
        { label: '2004', value: 40 },
      ],
      (bar) => `${bar.label}: ${bar.value}`,
    );
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('<title id="p-title">People &lt;in&gt; the role</title>');
    expect(svg).toContain('<desc id="p-desc">2003: 24; 2004: 40</desc>');
    expect(svg).toContain('role="img" aria-labelledby="p-title p-desc"');
  });

  it('labels the census date unless it would crowd the year before it', () => {
    const bars = Array.from({ length: 13 }, (_, k) => ({ label: String(2000 + k), value: k }));
    const labels = (list: typeof bars) =>
      [...barChart('p', 't', list, (b) => b.label).matchAll(/<text [^>]*text-anchor="middle"[^>]*>([^<]+)</g)].map(
        (m) => m[1],
      );
    expect(labels(bars)).toEqual(['2000', '2003', '2006', '2009', '2012']);
    expect(labels([...bars, { label: '2013-06-30', value: 13 }, { label: 'x', value: 1 }])).toContain('x');
  });

  it('steps the survival curve down at each event and says the shares at the marks', () => {
    const svg = survivalChart(
      's',
      'Survival',
      [
        { months: 12, share: 0.75 },
        { months: 24, share: 0.5 },
      ],
      60,
      [{ months: 12, share: 0.75 }],
    );
    expect(svg).toMatch(/<path d="M40,14 H101\.6 V51\.5 H163\.2 V89 H348"/);
    expect(svg).toContain('75% still in the role after 12 months; 50% at 60 months');
    expect(survivalChart('s', 'Survival', [], 60, [])).toContain('nobody has left the role yet');
  });

  it('rounds an axis to a maximum that divides into four steps', () => {
    expect([niceMax(7), niceMax(24), niceMax(450), niceMax(873)]).toEqual([8, 40, 500, 1000]);
  });
});
