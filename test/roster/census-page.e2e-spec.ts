import request from 'supertest';
import { computeCensus } from '@roundtable/census';
import { JobRepository } from '@roundtable/jobs';
import {
  CENSUS_DEBOUNCE_MS,
  CENSUS_JOB,
  CensusComputer,
  CensusRequests,
  ReferenceListRepository,
  rosterDocument,
  RosterWorkerModule,
  TenureRepository,
} from '@roundtable/roster';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { buildTenure } from '../support/roster';
import { signInAs, type SignedIn } from '../support/sessions';

/**
 * "The role in numbers" and GET /api/census from a snapshot the worker computed: what visitors,
 * members and staff see, the minimum cell, staff's census date, and who may read the JSON.
 */
describe('The census page', () => {
  let t: TestApp;
  let staff: SignedIn;
  let member: SignedIn;

  beforeAll(async () => {
    t = await createTestApp({ imports: [RosterWorkerModule] });
    staff = await signInAs(t, { role: 'staff' });
    member = await signInAs(t, { role: 'member' });
    const tenures = t.app.get(TenureRepository);
    // Six tenures at >$1B companies (a cut shown), two at <$100M ones (under the minimum of 5).
    for (let k = 0; k < 6; k++) {
      await tenures.create(
        buildTenure({
          person: `Big ${k}`,
          company: `Big Co ${k}`,
          start: `200${k}-03-01`,
          end: k < 3 ? `200${k + 3}-09-01` : null,
          revenueBand: '>$1B',
        }),
      );
    }
    await tenures.create(
      buildTenure({ person: 'Small A', company: 'Tiny Ltd', start: '2004-01-15', revenueBand: '<$100M' }),
    );
    await tenures.create(
      buildTenure({
        person: 'Small B',
        company: 'Wee Inc',
        start: '2005-05-05',
        end: '2006-05-05',
        revenueBand: '<$100M',
      }),
    );
    await t.app.get(ReferenceListRepository).save({
      name: 'Fortune 500, 2006',
      date: '2006-01-01',
      companies: [
        { name: 'Big Co 0', id: null, key: 'big co 0' },
        { name: 'Tiny Ltd', id: null, key: 'tiny' },
        { name: 'Nobody Corp', id: null, key: 'nobody' },
      ],
      uploadedAt: new Date(),
    });
  });
  afterAll(() => t.close());

  it('says nothing is computed before the worker has run, and the API answers 404', async () => {
    const page = await request(t.app.getHttpServer()).get('/census').expect(200);
    expect(page.text).toContain('The census has not been computed yet');
    await staff.agent.get('/api/census').expect(404);
  });

  it('shows visitors the snapshot’s figures, the charts with text alternatives, and no segment cuts', async () => {
    await t.app.get(CensusComputer).compute();
    const expected = computeCensus(
      rosterDocument(await allTenures(t), await t.app.get(ReferenceListRepository).all()).doc,
    );
    const page = await request(t.app.getHttpServer()).get('/census').expect(200);
    expect(page.text).toContain(`<dd id="population-today">${expected.population.at(-1)!.count}</dd>`);
    expect(page.text).toContain(`<dd id="mean-completed">${expected.tenure.mean_completed_months!.toFixed(1)}</dd>`);
    expect(page.text).toMatch(/<svg[^>]+role="img" aria-labelledby="population-chart-title population-chart-desc"/);
    expect(page.text).toMatch(/<desc id="survival-chart-desc">[^<]*still in the role after 12 months/);
    expect(page.text).toContain('id="why-differ"');
    // Fortune 500, 2006: Big Co 0's tenure ended in 2003, Tiny Ltd had someone, Nobody Corp is not on the roster.
    expect(page.text).toMatch(
      /Fortune 500, 2006<\/th><td>1 January 2006<\/td><td class="num">1 of 3<\/td><td class="num">33%/,
    );
    expect(page.text).not.toContain('id="segments"');
    expect(page.text).not.toContain('Nobody Corp');
  });

  it('shows members the cuts, and a cut under the minimum without any figure', async () => {
    const page = await member.agent.get('/census').expect(200);
    expect(page.text).toContain('id="segments"');
    const revenue =
      /<table class="data report-table" id="segment-revenue">([\s\S]*?)<\/table>\s*<\/div>\s*<p class="muted">([^<]*)/.exec(
        page.text,
      )!;
    expect(revenue[1]).toContain('<th scope="row">&gt;$1B</th><td class="num">3</td>');
    expect(revenue[1]).not.toContain('&lt;$100M');
    expect(revenue[2]).toBe('Not shown (fewer than 5 tenures): &lt;$100M');
    expect(page.text).not.toContain('action="/census/date"');
  });

  it('lets staff pick a census date: the worker computes it and the page shows that census', async () => {
    const before = await staff.agent.get('/census?as_of=2004-06-30').expect(200);
    expect(before.text).toContain('No census on 2004-06-30 has been computed yet');
    const asked = await staff.agent
      .post('/census/date')
      .type('form')
      .send({ _csrf: staff.csrfToken, as_of: '2004-06-30' })
      .expect(303);
    expect(asked.headers.location).toBe('/census?as_of=2004-06-30');
    const queued = await t.app.get(JobRepository).findRecent({ type: CENSUS_JOB, status: 'pending' });
    expect(queued.map((job) => job.payload)).toContainEqual({ asOf: '2004-06-30' });
    await t.app.get(CensusComputer).compute('2004-06-30');
    const page = await staff.agent.get('/census?as_of=2004-06-30').expect(200);
    // On 2004-06-30: Big 1, Big 2 (ended later), Big 3, Big 4 (started by then) and Small A.
    expect(page.text).toContain('<dd id="population-today">5</dd>');
    expect(page.text).toContain('Nobody Corp');
    const bad = await staff.agent
      .post('/census/date')
      .type('form')
      .send({ _csrf: staff.csrfToken, as_of: '2004-02-30' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('2004-02-30 is not a calendar date');
    // A member's census date is ignored: they see today's census.
    expect((await member.agent.get('/census?as_of=2004-06-30').expect(200)).text).not.toContain(
      '<dd id="population-today">5</dd>',
    );
  });

  it('serves the census JSON to staff only, as documented in the OpenAPI document', async () => {
    const server = t.app.getHttpServer();
    await request(server).get('/api/census').expect(401);
    await member.agent.get('/api/census').expect(403);
    const applicant = await signInAs(t, { role: 'applicant' });
    await applicant.agent.get('/api/census').expect(403);
    const admin = await signInAs(t, { role: 'admin' });
    const json = await admin.agent.get('/api/census').expect(200);
    expect(json.body).toMatchObject({ as_of: expect.any(String), tenure: { tenures: 8, ended: 4 } });
    expect((await staff.agent.get('/api/census?as_of=2004-06-30').expect(200)).body.population.at(-1)).toEqual({
      date: '2004-06-30',
      count: 5,
    });
    await staff.agent.get('/api/census?as_of=1999-01-01').expect(404);
    await staff.agent.get('/api/census?as_of=yesterday').expect(400);
    const docs = await request(server).get('/api/docs/openapi.json').expect(200);
    expect(docs.body.paths['/api/census'].get.responses['200']).toBeDefined();
  });

  it('asks the worker once per few seconds however often the roster changes', async () => {
    const requests = t.app.get(CensusRequests);
    const start = new Date(Math.ceil(Date.now() / CENSUS_DEBOUNCE_MS) * CENSUS_DEBOUNCE_MS + 10 * CENSUS_DEBOUNCE_MS);
    const later = new Date(start.getTime() + CENSUS_DEBOUNCE_MS - 1);
    const next = new Date(start.getTime() + CENSUS_DEBOUNCE_MS);
    expect(await requests.rosterChanged(start)).toBe(true);
    expect(await requests.rosterChanged(later)).toBe(false);
    expect(await requests.rosterChanged(next)).toBe(true);
    const queued = await t.app.get(JobRepository).findRecent({ type: CENSUS_JOB, status: 'pending' });
    const runAts = queued
      .filter((job) => (job.payload as { asOf: string | null }).asOf === null)
      .map((job) => job.runAt.getTime());
    expect(runAts.sort()).toEqual([next.getTime(), next.getTime() + CENSUS_DEBOUNCE_MS]);
  });
});

async function allTenures(t: TestApp) {
  const out = [];
  for await (const page of t.app.get(TenureRepository).streamAll()) {
    out.push(...page);
  }
  return out;
}
