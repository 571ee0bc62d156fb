import { JobRepository, JobRunner, RecurringJobs } from '@roundtable/jobs';
import {
  CENSUS_DAILY_JOB,
  CensusComputer,
  CensusSnapshotRepository,
  EXPIRE_IMPORTS_JOB,
  IMPORT_PREVIEW_TTL_MS,
  ImportExpiry,
  RosterWorkerModule,
  TenureRepository,
} from '@roundtable/roster';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { buildTenure } from '../support/roster';
import { signInAs, type SignedIn } from '../support/sessions';

/** The roster's standing schedules: unconfirmed import previews expire, and today's census moves with the date. */
describe('The roster’s schedules', () => {
  let t: TestApp;
  let staff: SignedIn;

  beforeAll(async () => {
    t = await createTestApp({ imports: [RosterWorkerModule] });
    staff = await signInAs(t, { role: 'staff' });
  });
  afterAll(() => t.close());

  const uploadPreview = async (person: string) => {
    const uploaded = await staff.agent
      .post(`/admin/roster/import?_csrf=${encodeURIComponent(staff.csrfToken)}`)
      .set('Accept', 'text/html')
      .attach('file', Buffer.from(`person,company,start\n${person},Acme,2009-01-01\n`), {
        filename: 'roster.csv',
        contentType: 'text/csv',
      })
      .expect(303);
    return uploaded.headers.location as string;
  };
  const uploadedAt = async (preview: string) =>
    (await t.connection
      .collection<{ _id: string; uploadedAt: Date }>('roster_imports')
      .findOne({ _id: preview.split('/').pop()! }))!.uploadedAt;

  it('removes a preview left unconfirmed for a day, keeps a younger one, and says so to whoever opens it', async () => {
    const old = await uploadPreview('Old Upload');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const young = await uploadPreview('Young Upload');
    // The expiry a day after the first upload: the first is a day old then, the second is not.
    const removed = await t.app
      .get(ImportExpiry)
      .expire(new Date((await uploadedAt(old)).getTime() + IMPORT_PREVIEW_TTL_MS + 1));
    expect(removed).toBe(1);
    const gone = await staff.agent.get(old).set('Accept', 'text/html').expect(404);
    expect(gone.text).toContain('left unconfirmed for a day and removed. Upload the file again.');
    await staff.agent.get(young).expect(200);
    const confirmed = await staff.agent.post(old).type('form').send({ _csrf: staff.csrfToken }).expect(303);
    const list = await staff.agent.get(confirmed.headers.location).expect(200);
    expect(list.text).toContain('That import was confirmed already, or had waited a day and expired.');
    expect(await t.connection.collection('roster_tenures').countDocuments({ person: 'Old Upload' })).toBe(0);
  });

  it('runs the expiry as a standing job that books its next run an hour on', async () => {
    await t.app.get(RecurringJobs).ensure(EXPIRE_IMPORTS_JOB);
    const before = Date.now();
    await t.app.get(JobRunner).runDue();
    expect((await t.app.get(JobRepository).findRecent({ type: EXPIRE_IMPORTS_JOB, status: 'done' })).length).toBe(1);
    const next = (await t.app.get(JobRepository).findRecent({ type: EXPIRE_IMPORTS_JOB, status: 'pending' }))[0];
    expect(next.runAt.getTime()).toBeGreaterThanOrEqual(before + 60 * 60 * 1000 - 1000);
  });

  it('recomputes today’s census after midnight, keeping the census dates staff asked for', async () => {
    await t.app
      .get(TenureRepository)
      .create(buildTenure({ person: 'Daily One', company: 'Acme', start: '2004-01-01' }));
    const computer = t.app.get(CensusComputer);
    const snapshots = t.app.get(CensusSnapshotRepository);
    await computer.compute(undefined, new Date('2026-12-02T12:00:00Z'));
    await computer.compute('2010-12-31');
    expect((await snapshots.find('current'))?.asOf).toBe('2026-12-02');

    await t.app.get(RecurringJobs).ensure(CENSUS_DAILY_JOB);
    await t.app.get(JobRunner).runDue();
    const today = new Date().toISOString().slice(0, 10);
    expect((await snapshots.find('current'))?.asOf).toBe(today);
    expect((await snapshots.find('as_of:2010-12-31'))?.asOf).toBe('2010-12-31');
    const next = (await t.app.get(JobRepository).findRecent({ type: CENSUS_DAILY_JOB, status: 'pending' }))[0];
    const tomorrow = new Date(Date.parse(`${today}T00:01:00Z`) + 24 * 60 * 60 * 1000);
    expect(next.runAt.toISOString()).toBe(tomorrow.toISOString());

    // A roster change still makes the dated census stale: its recomputation drops it.
    await computer.compute();
    expect(await snapshots.find('as_of:2010-12-31')).toBeNull();
  });
});
