import request from 'supertest';
import { JobRepository } from '@roundtable/jobs';
import { CENSUS_JOB, TenureRepository } from '@roundtable/roster';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { buildTenure } from '../support/roster';
import { signInAs, type SignedIn } from '../support/sessions';

const GOOD_AND_BAD = [
  'id,person,company,title,start,end,revenue_band,region',
  'x-1,Ann Lee,Acme Inc.,Chief Customer Officer,2004-03-01,2007-08-15,>$1B,EMEA',
  ',Bo Chan,Beta,CCO,2005-02-30,,,NA', // bad date
  ',Cy Dunn,Gamma,CCO,2006-05-01,2006-01-01,,NA', // end before start
  ',Di Eck,Delta,CCO,2007-01-01,,,NA,surplus', // a cell beyond the header
  ',Ed Fox,Epsilon,"Chief Customer Officer, EMEA",2008-01-01,,,EMEA',
  ',Ed Fox,Epsilon,CCO,2008-01-01,,,EMEA', // duplicate of the line above
  ',Fay Gu,Zeta,=1+1,2009-01-01,,,APAC', // formula
  ',Pre Existing,Old Co,CCO,2001-01-01,2003-01-01,,', // updates the stored tenure (adds an end)
].join('\r\n');

describe('The roster in the console', () => {
  let t: TestApp;
  let staff: SignedIn;

  const upload = (
    path: string,
    body: Buffer | string,
    filename = 'roster.csv',
    fields: Record<string, string> = {},
  ) => {
    let req = staff.agent.post(`${path}?_csrf=${encodeURIComponent(staff.csrfToken)}`).set('Accept', 'text/html');
    for (const [name, value] of Object.entries(fields)) {
      req = req.field(name, value);
    }
    return req.attach('file', Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), {
      filename,
      contentType: 'text/csv',
    });
  };
  const previewOf = async (response: request.Response) => {
    expect(response.status).toBe(303);
    const page = await staff.agent.get(response.headers.location).expect(200);
    return { page: page.text, id: /\/admin\/roster\/import\/([a-f0-9]{32})$/.exec(response.headers.location)![1] };
  };
  const rosterCount = async () => {
    let n = 0;
    for await (const page of t.app.get(TenureRepository).streamAll()) {
      n += page.length;
    }
    return n;
  };

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signInAs(t, { role: 'staff' });
    await t.app
      .get(TenureRepository)
      .create(buildTenure({ person: 'Pre Existing', company: 'Old Co', start: '2001-01-01', title: 'CCO' }));
  });
  afterAll(() => t.close());

  it('previews every row of a CSV with good and bad rows, then applies it on confirm', async () => {
    const { page, id } = await previewOf(await upload('/admin/roster/import', GOOD_AND_BAD));
    expect(page).toContain('2 to add, 1 to update, 0 unchanged, 5 refused.');
    const rows = [...page.matchAll(/<tr class="import-(\w+)"><td>(\d+)<\/td>[\s\S]*?<\/tr>/g)].map((m) => [
      Number(m[2]),
      m[1],
    ]);
    expect(rows).toEqual([
      [2, 'add'],
      [3, 'refuse'],
      [4, 'refuse'],
      [5, 'refuse'],
      [6, 'add'],
      [7, 'refuse'],
      [8, 'refuse'],
      [9, 'update'],
    ]);
    expect(page).toContain('The start “2005-02-30” is not a date written YYYY-MM-DD');
    expect(page).toContain('The end date 2006-01-01 is not after the start date 2006-05-01.');
    expect(page).toContain('(an unknown column)');
    expect(page).toContain('It repeats the tenure of line 6');
    expect(page).toContain('which a spreadsheet would run as a formula');
    expect(page).toContain('end: “” → “2003-01-01”');
    expect(await rosterCount()).toBe(1);

    const confirmed = await staff.agent
      .post(`/admin/roster/import/${id}`)
      .type('form')
      .send({ _csrf: staff.csrfToken })
      .expect(303);
    expect(confirmed.headers.location).toBe('/admin/roster');
    const list = await staff.agent.get('/admin/roster').expect(200);
    expect(list.text).toContain('Imported roster.csv: 2 added, 1 updated, 0 unchanged, 5 refused.');
    expect(list.text).toContain('Chief Customer Officer, EMEA');
    expect(await rosterCount()).toBe(3);
    // The roster changed: the worker is asked for a new census.
    const jobs = await t.app.get(JobRepository).findRecent({ type: CENSUS_JOB, status: 'pending' });
    expect(jobs.length).toBeGreaterThan(0);
    // A second confirm of the same preview does nothing.
    await staff.agent.post(`/admin/roster/import/${id}`).type('form').send({ _csrf: staff.csrfToken }).expect(303);
    expect(await rosterCount()).toBe(3);
  });

  it('changes nothing when the same file is imported again, or the export is imported', async () => {
    const again = await previewOf(await upload('/admin/roster/import', GOOD_AND_BAD));
    expect(again.page).toContain('0 to add, 0 to update, 3 unchanged, 5 refused.');
    expect(again.page).toContain('Nothing in this file would change the roster.');
    const exported = await staff.agent
      .get('/admin/roster/export.csv')
      .expect(200)
      .expect('content-type', /text\/csv/);
    expect(exported.text.split('\r\n')[0]).toBe(
      'id,person,company,company_id,title,start,end,revenue_band,business_model,industry,region,cco_model,source,member_id',
    );
    const roundTrip = await previewOf(await upload('/admin/roster/import', exported.text, 'export.csv'));
    expect(roundTrip.page).toContain('0 to add, 0 to update, 3 unchanged, 0 refused.');
    const json = await staff.agent.get('/admin/roster/export.json').expect(200);
    const doc = json.body as { tenures: { id: string }[] };
    expect(doc.tenures).toHaveLength(3);
    expect(doc.tenures.find((x: { id: string }) => x.id === 'x-1')).toMatchObject({
      person: 'ann lee',
      company: 'acme',
      start: '2004-03-01',
      end: '2007-08-15',
      profile: { revenue: '>$1B', region: 'EMEA' },
    });
  });

  it('refuses an oversized, a non-UTF-8, a wrongly named and an unreadable file with a message beside the field', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 'a');
    const tooBig = await upload('/admin/roster/import', big);
    expect(tooBig.status).toBe(422);
    expect(tooBig.text).toContain('The file is larger than the limit of 5 MB. Split it into smaller files.');
    const latin1 = Buffer.from('person,company,start\nJos\xe9 Ruiz,Acme,2004-01-01\n', 'latin1');
    const notUtf8 = await upload('/admin/roster/import', latin1);
    expect(notUtf8.status).toBe(422);
    expect(notUtf8.text).toContain('The file is not UTF-8 text');
    const spreadsheet = await upload('/admin/roster/import', 'person,company,start\n', 'roster.xlsx');
    expect([spreadsheet.status, spreadsheet.text]).toEqual([
      422,
      expect.stringContaining('Please upload a CSV file whose name ends in .csv.'),
    ]);
    const unknown = await upload('/admin/roster/import', 'person,company,start,ned\n');
    expect([unknown.status, unknown.text]).toEqual([422, expect.stringContaining('unknown column “ned”')]);
    const none = await staff.agent
      .post(`/admin/roster/import?_csrf=${encodeURIComponent(staff.csrfToken)}`)
      .set('Accept', 'text/html')
      .field('x', 'y');
    expect([none.status, none.text]).toEqual([422, expect.stringContaining('Choose a CSV file to import.')]);
    expect(await rosterCount()).toBe(3);
  });

  it('neutralises formulas in the CSV export', async () => {
    const tenure = await t.app
      .get(TenureRepository)
      .create(buildTenure({ person: 'Hal Ip', company: 'Iota', start: '2010-01-01', source: '-cmd|calc' }));
    const exported = await staff.agent.get('/admin/roster/export.csv').expect(200);
    expect(exported.text).toContain(`,'-cmd|calc,`);
    await t.app.get(TenureRepository).delete(tenure._id);
  });

  it('adds and edits a tenure through the form, with the import’s rules', async () => {
    const refused = await staff.agent
      .post('/admin/roster')
      .set('Accept', 'text/html')
      .type('form')
      .send({ _csrf: staff.csrfToken, person: 'New Person', company: 'Kappa', start: '2010-05-01', end: '2009-01-01' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('The end date 2009-01-01 is not after the start date 2010-05-01.');
    await staff.agent
      .post('/admin/roster')
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        person: 'New Person',
        company: 'Kappa',
        start: '2010-05-01',
        revenue_band: '>$1B',
      })
      .expect(303);
    const list = await staff.agent.get('/admin/roster?company=kappa%20inc').expect(200);
    const id = /href="\/admin\/roster\/([a-f0-9]{24})">New Person/.exec(list.text)![1];
    const form = await staff.agent.get(`/admin/roster/${id}`).expect(200);
    expect(form.text).toContain('value="Kappa"');
    await staff.agent
      .post(`/admin/roster/${id}`)
      .type('form')
      .send({ _csrf: staff.csrfToken, person: 'New Person', company: 'Kappa', start: '2010-05-01', end: '2012-02-29' })
      .expect(303);
    expect((await t.app.get(TenureRepository).findById(id))!.end).toBe('2012-02-29');
    const clash = await staff.agent
      .post('/admin/roster')
      .set('Accept', 'text/html')
      .type('form')
      .send({ _csrf: staff.csrfToken, person: 'new person', company: 'KAPPA', start: '2010-05-01' });
    expect(clash.status).toBe(409);
    // Removing asks first: the form links to the confirmation page, and a post without the tick removes nothing.
    expect(form.text).toContain(`href="/admin/roster/${id}/delete"`);
    const ask = await staff.agent.get(`/admin/roster/${id}/delete`).expect(200);
    expect(ask.text).toContain('<h1>Remove this tenure from the roster?</h1>');
    expect(ask.text).toContain('New Person at Kappa, from 2010-05-01');
    const unticked = await staff.agent
      .post(`/admin/roster/${id}/delete`)
      .set('Accept', 'text/html')
      .type('form')
      .send({ _csrf: staff.csrfToken });
    expect([unticked.status, unticked.text]).toEqual([422, expect.stringContaining('Please tick “I confirm” first.')]);
    expect(await t.app.get(TenureRepository).findById(id)).not.toBeNull();
    const removed = await staff.agent
      .post(`/admin/roster/${id}/delete`)
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' })
      .expect(303);
    expect(removed.headers.location).toBe('/admin/roster');
    expect(await t.app.get(TenureRepository).findById(id)).toBeNull();
    const current = await staff.agent.get('/admin/roster?status=current').expect(200);
    expect(current.text).toContain('Ed Fox');
    expect(current.text).not.toContain('Ann Lee');
  });

  it('uploads a reference list and reports which companies match none on the roster', async () => {
    const csv = 'name\nAcme Corporation\nEpsilon\nNowhere Ltd\n';
    const done = await upload('/admin/roster/lists', csv, 'f500.csv', {
      name: 'Fortune 500, 2010',
      date: '2010-06-01',
    });
    expect(done.status).toBe(303);
    const page = await staff.agent.get('/admin/roster/lists').expect(200);
    expect(page.text).toContain(
      'Fortune 500, 2010: 3 companies, 2 match a company on the roster; 1 do not (Nowhere Ltd).',
    );
    const bad = await upload('/admin/roster/lists', 'company\nAcme\n', 'f.csv', { name: 'Bad', date: '2010-06-01' });
    expect([bad.status, bad.text]).toEqual([422, expect.stringContaining('must name its columns')]);
    const badDate = await upload('/admin/roster/lists', csv, 'f.csv', { name: 'Bad', date: '2010-02-30' });
    expect([badDate.status, badDate.text]).toEqual([422, expect.stringContaining('2010-02-30 is not a calendar date')]);
  });

  it('keeps the roster from visitors and members', async () => {
    await request(t.app.getHttpServer()).get('/admin/roster').set('Accept', 'text/html').expect(303);
    const member = await signInAs(t, { role: 'member' });
    await member.agent.get('/admin/roster').expect(403);
    await member.agent.get('/admin/roster/export.csv').expect(403);
  });
});
