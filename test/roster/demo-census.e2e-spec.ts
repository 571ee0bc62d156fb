import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { CensusResult } from '@roundtable/census';
import { formatDate } from '@roundtable/core';
import {
  CensusComputer,
  DEMO_LIST_NAME,
  ReferenceListRepository,
  RosterWorkerModule,
  seedDemoRoster,
  TenureRepository,
} from '@roundtable/roster';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

const run = promisify(execFile);
// Seeding a few thousand tenures, computing the census and running the command take a while on FerretDB.
jest.setTimeout(300_000);
const root = resolve(__dirname, '../..');

/** The demo roster `npm start` seeds: the page shows what `npm run census` computes from its export. */
describe('The demo census', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ imports: [RosterWorkerModule] });
  });
  afterAll(() => t.close());

  it('shows on the page the figures the command computes from the exported roster', async () => {
    const deps = {
      tenures: t.app.get(TenureRepository),
      lists: t.app.get(ReferenceListRepository),
      computer: t.app.get(CensusComputer),
    };
    const added = await seedDemoRoster(deps);
    expect(added).toBeGreaterThan(1000);
    expect(await seedDemoRoster(deps)).toBe(0);

    const staff = await signInAs(t, { role: 'staff' });
    const page = (await staff.agent.get('/census').expect(200)).text;
    const asOf = /on <time datetime="(\d{4}-\d{2}-\d{2})">/.exec(page)![1];
    const exported = (await staff.agent.get('/admin/roster/export.json').expect(200)).body as Record<string, unknown>;
    const dir = mkdtempSync(join(tmpdir(), 'demo-census-'));
    const file = join(dir, 'roster.json');
    writeFileSync(file, JSON.stringify({ ...exported, as_of: asOf }));
    const { stdout } = await run('node', [join(root, 'tools/census.js'), file], { cwd: root, maxBuffer: 64 << 20 });
    const result = JSON.parse(stdout) as CensusResult;

    const today = result.population.at(-1)!.count;
    expect(page).toContain(`<dd id="population-today">${today}</dd>`);
    expect(page).toContain(`<dd id="median-tenure">${result.tenure.median_months!.toFixed(1)}</dd>`);
    expect(page).toContain(`<dd id="mean-completed">${result.tenure.mean_completed_months!.toFixed(1)}</dd>`);
    for (const point of result.population) {
      expect(page).toContain(
        `<tr><th scope="row">${formatDate(point.date)}</th><td class="num">${point.count}</td></tr>`,
      );
    }
    for (const [k, arrival] of result.arrivals.entries()) {
      expect(page).toContain(
        `<tr><th scope="row">${arrival.year}</th><td class="num">${arrival.count}</td><td class="num">${result.departures[k].count}</td></tr>`,
      );
    }
    const [coverage] = result.coverage;
    expect(coverage.name).toBe(DEMO_LIST_NAME);
    expect(page).toContain(`<td class="num">${coverage.covered} of ${coverage.companies}</td>`);

    // The published shape: under 30 in 2003, about 450 at the end of 2010, median near 29 months, under 10%.
    const on = (date: string) => result.population.find((point) => point.date === date)!.count;
    expect(on('2003-01-01')).toBeLessThan(30);
    expect(Math.abs(on('2011-01-01') - 450)).toBeLessThanOrEqual(25);
    expect(Math.abs(result.tenure.median_months! - 29)).toBeLessThan(3);
    expect(coverage.share!).toBeLessThan(0.1);
  });
});
