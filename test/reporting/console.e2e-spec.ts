import request from 'supertest';
import { SurveyBookkeeping } from '@roundtable/distribution';
import { JobRepository } from '@roundtable/jobs';
import { RANKING_JOB, RankingComputer, ReportingWorkerModule } from '@roundtable/reporting';
import { SurveyProgressHook, SurveyRepository } from '@roundtable/surveys';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { signInAs, type SignedIn } from '../support/sessions';
import { buildInvitation, buildResponse, buildSurvey } from '../support/surveys';

const ITEMS = ['Tactics', 'Experience', 'Metrics', '=Culture', 'Strategy'];

describe('Reporting console', () => {
  let t: TestApp;
  let staff: SignedIn;
  let member: SignedIn;
  let surveyId: string;

  beforeAll(async () => {
    t = await createTestApp({ imports: [ReportingWorkerModule] });
    staff = await signInAs(t, { role: 'staff' });
    member = await signInAs(t, {
      membership: { tier: 'council', state: 'active', entitlements: ['take_surveys', 'see_reports'] },
    });
    const survey = await buildSurvey(
      t,
      {
        intro: '',
        items: ITEMS.map((label, f) => ({ key: `k${f}`, label })),
        profileQuestions: ['revenueBand', 'businessModel'],
        closesAt: null,
      },
      { sent: true },
    );
    surveyId = String(survey._id);
    // 30 invited, 24 answer: 20 >$1B and 4 <$100M respondents (a segment of 4, not shown).
    for (let k = 0; k < 30; k++) {
      const profile = { revenueBand: k < 20 ? '>$1B' : '<$100M', businessModel: k % 3 ? 'B2B' : 'B2C' };
      const invitation = await buildInvitation(
        t,
        { surveyId, memberId: `m${k}`, name: `Member ${k}`, profile },
        'sent',
      );
      if (k < 24) {
        const held = ['k0', 'k1', 'k2', 'k3', 'k4'].filter((_, f) => (k + f) % 4 !== 0);
        await buildResponse(t, invitation, { held, profile });
      }
    }
  });
  afterAll(() => t.close());

  it('asks the worker for a recomputation when a response is completed, and shows nothing computed before', async () => {
    await t.app.get(SurveyProgressHook).emit({ surveyId, invitationId: `${surveyId}:m0`, milestone: 'completed' });
    const queued = await t.app.get(JobRepository).findRecent({ type: RANKING_JOB, status: 'pending' });
    expect(queued.map((job) => job.payload)).toEqual([{ surveyId, trigger: 'completions' }]);
    const page = await staff.agent.get(`/admin/reports/${surveyId}`).expect(200);
    expect(page.text).toContain('No result has been computed for this survey yet');
    await staff.agent.get(`/api/reports/${surveyId}/ranking`).expect(404);
  });

  it('shows the snapshot: chart with intervals, tables, skew, weighted, segments without the 4-respondent cell', async () => {
    await t.app.get(RankingComputer).compute(surveyId, 'demand');
    const page = await staff.agent.get(`/admin/reports/${surveyId}`).expect(200);
    expect(page.text).toContain('<svg');
    expect(page.text).toContain('class="chart-interval"');
    expect(page.text).toMatch(
      /Revenue — <strong class="skewed">skewed toward &gt;\$1B \(Revenue\): 83% of respondents, 67% of members/,
    );
    expect(page.text).toContain('Not shown (fewer than 5 respondents): &lt;$100M');
    const json = await staff.agent.get(`/api/reports/${surveyId}/segments`).expect(200);
    const revenue = json.body.attributes.find((a: { attribute: string }) => a.attribute === 'revenueBand');
    expect(revenue.values.find((v: { value: string }) => v.value === '<$100M')).toEqual({
      value: '<$100M',
      shown: false,
    });
    const ranking = await staff.agent.get(`/api/reports/${surveyId}/ranking`).expect(200);
    expect(ranking.body).toMatchObject({
      surveyId,
      version: 1,
      respondents: 24,
      method: 'borda-tied-bottom',
      seed: 42,
    });
    expect(ranking.body.items).toHaveLength(5);
  });

  it('exports each table as CSV (formula-like text neutralised) and the responses without member ids', async () => {
    const csv = await staff.agent.get(`/admin/reports/${surveyId}/tables/ranking.csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    // Named after what it holds: the survey's title, the table and the snapshot's version.
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+-ranking-v\d+\.csv"$/);
    expect(csv.headers['content-disposition']).not.toContain(surveyId);
    expect(csv.text.split('\r\n')[0]).toBe(
      'rank,item,borda,incumbency,holders,mean_rank,interval_low,interval_high,top_k_share',
    );
    expect(csv.text).toContain(",'=Culture,");
    await staff.agent.get(`/admin/reports/${surveyId}/tables/nonsense.csv`).expect(422);
    const exported = await staff.agent.get(`/admin/reports/${surveyId}/responses.json`).expect(200);
    expect(exported.headers['content-disposition']).toMatch(
      /attachment; filename="accountabilities-2026-responses.json"/,
    );
    const doc = JSON.parse(exported.text);
    expect(doc.responses).toHaveLength(24);
    expect(exported.text).not.toMatch(/"m\d+"|Member \d|example\.test/);
  });

  it('imports an exported file as a draft survey and refuses a malformed one with the reason', async () => {
    const exported = await staff.agent.get(`/admin/reports/${surveyId}/responses.json`).expect(200);
    const ok = await staff.agent
      .post(`/admin/reports/import?_csrf=${staff.csrfToken}`)
      .attach('file', Buffer.from(exported.text), 'responses.json')
      .expect(303);
    const draftId = /\/admin\/surveys\/([0-9a-f]{24})/.exec(ok.headers.location)?.[1];
    const draft = await t.app.get(SurveyRepository).findById(draftId ?? '');
    expect(draft).toMatchObject({
      status: 'draft',
      title: 'Accountabilities 2026 (imported)',
      profileQuestions: ['revenueBand', 'businessModel'],
    });
    expect(draft?.items.map((i) => i.label)).toEqual(ITEMS);
    const bad = await staff.agent
      .post(`/admin/reports/import?_csrf=${staff.csrfToken}`)
      .set('Accept', 'text/html')
      .attach('file', Buffer.from('{"items":["a"],"responses":[{"held":["b"]}]}'), 'bad.json')
      .expect(422);
    expect(bad.text).toContain(
      'The file was not imported: responses[0]: &quot;held&quot; lists &quot;b&quot;, which is not one of the items.',
    );
    expect(bad.text).toContain('aria-describedby="file-error"');
  });

  it('publishes the latest snapshot to members and the home page, and unpublishes it', async () => {
    await member.agent.get(`/reports/${surveyId}`).expect(404);
    await staff.agent
      .post(`/admin/reports/${surveyId}/publish`)
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' })
      .expect(303);
    const report = await member.agent.get(`/reports/${surveyId}`).expect(200);
    expect(report.text).toContain('Accountabilities 2026');
    expect((await member.agent.get('/').expect(200)).text).toContain(`/reports/${surveyId}`);
    await staff.agent
      .post(`/admin/reports/${surveyId}/unpublish`)
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' })
      .expect(303);
    await member.agent.get(`/reports/${surveyId}`).expect(404);
    expect((await member.agent.get('/').expect(200)).text).not.toContain(`/reports/${surveyId}`);
  });

  it('queues the final computation when the worker closes a survey at its close date', async () => {
    const surveys = t.app.get(SurveyRepository);
    const due = await buildSurvey(
      t,
      {
        title: 'Closing today',
        intro: '',
        items: ITEMS.map((label, f) => ({ key: `k${f}`, label })),
        profileQuestions: [],
        closesAt: new Date(Date.now() - 1000),
      },
      { sent: true },
    );
    const dueId = String(due._id);
    await t.app.get(SurveyBookkeeping).closeDue(new Date());
    expect((await surveys.findById(dueId))?.status).toBe('closed');
    const queued = await t.app.get(JobRepository).findRecent({ type: RANKING_JOB, status: 'pending' });
    expect(queued.filter((job) => job.payload.surveyId === dueId).map((job) => job.payload)).toEqual([
      { surveyId: dueId, trigger: 'close' },
    ]);
  });

  it('keeps the console and its JSON to staff', async () => {
    await member.agent.get(`/admin/reports/${surveyId}`).expect(403);
    await member.agent.get(`/api/reports/${surveyId}/skew`).expect(403);
    await request(t.app.getHttpServer()).get(`/api/reports/${surveyId}/skew`).expect(401);
  });

  it('shows a new computation on the next request after the page was seen, and each segment tab its own table', async () => {
    const before = (await staff.agent.get(`/api/reports/${surveyId}/ranking`).expect(200)).body;
    const seen = await staff.agent.get(`/admin/reports/${surveyId}`).expect(200);
    expect(seen.text).toContain(`Snapshot ${before.version}`);
    expect(seen.text).toContain('Rank (and incumbency) by Revenue');
    const tab = await staff.agent.get(`/admin/reports/${surveyId}?segment=businessModel`).expect(200);
    expect(tab.text).toContain('Rank (and incumbency) by Business model');
    // One more completed response, then a new computation (a new snapshot version).
    const invitation = await buildInvitation(t, { surveyId, memberId: 'm30', name: 'Member 30', profile: {} }, 'sent');
    await buildResponse(t, invitation, { held: ['k4'], profile: {} });
    await t.app.get(RankingComputer).compute(surveyId, 'demand');
    const after = await staff.agent.get(`/admin/reports/${surveyId}`).expect(200);
    expect(after.text).toContain(`Snapshot ${before.version + 1}`);
    expect(after.text).toContain(`<dt>Respondents</dt><dd>${before.respondents + 1}</dd>`);
    expect((await staff.agent.get(`/admin/reports/${surveyId}?segment=businessModel`).expect(200)).text).toContain(
      `Snapshot ${before.version + 1}`,
    );
  });

  it('documents every JSON table in the OpenAPI document with its own schema', async () => {
    const { SwaggerModule, DocumentBuilder } = await import('@nestjs/swagger');
    const document = SwaggerModule.createDocument(t.app, new DocumentBuilder().build());
    for (const [table, dto] of [
      ['ranking', 'RankingTableDto'],
      ['response-rate', 'ResponseRateTableDto'],
      ['progress', 'ProgressTableDto'],
      ['skew', 'SkewTableDto'],
      ['weighted', 'WeightedTableDto'],
      ['segments', 'SegmentsTableDto'],
    ]) {
      const path = document.paths[`/api/reports/{surveyId}/${table}`];
      expect(JSON.stringify(path.get?.responses?.['200'])).toContain(`#/components/schemas/${dto}`);
    }
  });
});
