import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { referenceCensus, type RefTenure } from '../spec/reference';

const run = promisify(execFile);
const root = resolve(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'census-'));
// Each run starts Node and loads TypeScript to transpile the lib: seconds on a loaded machine.
jest.setTimeout(120_000);

async function census(doc: unknown): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  try {
    const { stdout, stderr } = await run('node', [join(root, 'tools/census.js'), file], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A seeded roster: persons with one to three tenures, ties, ends after and starts on or after the census date. */
function generatedRoster(count: number, asOf: string): { tenures: RefTenure[]; companies: string[] } {
  let state = 12345;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const first = Date.parse('1995-01-01');
  const span = Date.parse('2011-06-30') - first;
  const tenures: RefTenure[] = [];
  let person = 0;
  while (tenures.length < count) {
    const id = `p${person++}`;
    let start = first + Math.floor((random() * span) / 86_400_000) * 86_400_000;
    for (let k = 0, n = 1 + Math.floor(random() * random() * 3); k < n && tenures.length < count; k++) {
      if (tenures.length % 997 === 0) {
        start = Date.parse(asOf);
      }
      // Durations in whole months of 30 days give many ties.
      const end = random() < 0.3 ? null : start + (1 + Math.floor(random() * 80)) * 30 * 86_400_000;
      tenures.push({
        person: id,
        company: `c${Math.floor(random() * 3000)}`,
        start: day(start),
        end: end === null ? null : day(end),
        profile:
          random() < 0.9
            ? {
                revenue: pick(['<$100M', '$100M–$1B', '>$1B']),
                region: pick(['EMEA', 'NA', 'APAC', 'LATAM', 'Antarctica']),
              }
            : { revenue: '>$1B' },
      });
      // The next tenure starts when this one ends, or overlaps it.
      start = (end ?? start) + Math.floor(random() * 200 - 60) * 86_400_000;
    }
  }
  const companies = Array.from({ length: 500 }, (_, k) => `c${k * 5}`);
  return { tenures, companies };
}

describe('npm run census', () => {
  it('agrees with an independent computation on a generated roster of 20,000 tenures', async () => {
    const asOf = '2010-12-31';
    const options = { min_cell: 5, restricted_months: 120, survival_at: [6, 12, 24, 29, 36, 60] };
    const { tenures, companies } = generatedRoster(20_000, asOf);
    const lists = [
      { name: 'Fortune 500', date: '2010-06-01', companies },
      { name: 'Fortune 500, 2005', date: '2005-06-01', companies: companies.slice(0, 250) },
    ];
    const out = await census({
      as_of: asOf,
      tenures: tenures.map((t, k) => ({ id: `t${k}`, ...t })),
      reference_lists: lists,
      options,
    });
    expect([out.code, out.stderr]).toEqual([0, '']);
    const result = JSON.parse(out.stdout);
    const expected = referenceCensus(asOf, tenures, lists, options);
    // The generator reaches every case the contract names.
    expect(tenures.some((t) => t.start > asOf)).toBe(true);
    expect(tenures.some((t) => t.start === asOf)).toBe(true);
    expect(tenures.some((t) => t.end && t.end > asOf && t.start <= asOf)).toBe(true);
    expect(expected.tenure.median_months).not.toBeNull();

    expect(result.as_of).toBe(asOf);
    expect(result.population).toEqual(expected.population);
    expect(result.arrivals).toEqual(expected.arrivals);
    expect(result.departures).toEqual(expected.departures);
    expect(result.coverage).toEqual(expected.coverage.map((row) => ({ ...row, share: expect.closeTo(row.share, 12) })));
    const close = (value: number | null) => (value === null ? null : expect.closeTo(value, 9));
    expect(result.tenure).toEqual({
      ...expected.tenure,
      median_months: close(expected.tenure.median_months),
      restricted_mean_months: close(expected.tenure.restricted_mean_months),
      mean_completed_months: close(expected.tenure.mean_completed_months),
      survival: expected.tenure.survival.map((row) => ({ months: row.months, share: close(row.share) })),
    });
    expect(result.segments).toHaveLength(expected.segments.length);
    for (const [k, segment] of expected.segments.entries()) {
      expect(result.segments[k].attribute).toBe(segment.attribute);
      expect(result.segments[k].values).toEqual(
        segment.values.map((cell) =>
          cell.shown
            ? {
                ...cell,
                restricted_mean_months: close(cell.restricted_mean_months),
                median_months: close(cell.median_months),
                mean_completed_months: close(cell.mean_completed_months),
              }
            : { value: cell.value, tenures: cell.tenures, shown: false },
        ),
      );
    }
  });

  it('exits 1 naming the tenure and the problem for a malformed file', async () => {
    const tenure = { id: 't9', person: 'p', company: 'c', start: '2004-03-01' };
    const [backwards, date, syntax, unknown] = await Promise.all([
      census({
        tenures: [
          { start: '2001-01-01', person: 'a', company: 'b' },
          { ...tenure, end: '2004-01-01' },
        ],
      }),
      census({ tenures: [{ ...tenure, start: '2004-02-30' }] }),
      census('{"tenures": '),
      census({ tenures: [], roster: [] }),
    ]);
    expect([backwards.code, backwards.stdout]).toEqual([1, '']);
    expect(backwards.stderr).toMatch(/tenures\[1\] \(id "t9"\): "end" 2004-01-01 is not after "start" 2004-03-01\n$/);
    expect([date.code, date.stderr]).toEqual([
      1,
      expect.stringMatching(/tenures\[0\] \(id "t9"\): "start" must be a calendar date/),
    ]);
    expect([syntax.code, syntax.stderr]).toEqual([1, expect.stringMatching(/not valid JSON/)]);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringMatching(/unknown field "roster"/)]);
  });
});
