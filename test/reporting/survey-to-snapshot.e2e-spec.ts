import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { JobRepository, JobRunner } from '@roundtable/jobs';
import { MemberRepository } from '@roundtable/members';
import { computeRanking, type ExchangeDocument, type RankingResult } from '@roundtable/rankings';
import { RANKING_JOB, RankingRequests, SnapshotRepository } from '@roundtable/reporting';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestApp, type TestApp } from '../support/create-test-app';
import type { ReceivedMail } from '../support/mailbox';
import { decodeHtml, itemKeysOf } from '../support/response-page';
import { signInAs, type SignedIn } from '../support/sessions';
import { MEMBERS, PARTIAL, planMembers, referenceRanking, RESPONDENTS, type PlannedMember } from './survey-plan';

/** The survey staff define: nine of the sixteen prefilled accountabilities, one of them renamed. */
const ITEMS = [
  'Customer-centric tactics',
  'Customer experience management',
  'Metrics and analytics related to customer-centricity',
  'Customer-centric culture (or the evolution to it)',
  'Customer strategy',
  'Understanding customer needs',
  'Building customer relationships',
  'Voice of the customer (surveys & listening posts)',
  'Issue trending and complaint tracking',
];

/** The option a profile select shows as chosen (prefilled from the member's profile). */
function prefilled(html: string, key: string): string | undefined {
  const select = new RegExp(`<select id="profile-${key}" name="profile_${key}"[^>]*>([\\s\\S]*?)</select>`).exec(html);
  const chosen = select ? /<option selected>([^<]*)<\/option>/.exec(select[1]) : null;
  return chosen ? decodeHtml(chosen[1]) : undefined;
}

/** The urlencoded body the response form sends for these items (by index) and profile answers. */
function formBody(keys: Map<string, string>, held: number[], profile: Record<string, string>, action: string) {
  const fields = new URLSearchParams();
  held.forEach((f, position) => {
    const key = keys.get(ITEMS[f]);
    if (!key) {
      throw new Error(`The page has no item "${ITEMS[f]}"`);
    }
    fields.append('held', key);
    fields.append(`rank_${key}`, String(position + 1));
  });
  if (held.length === 0) {
    // Holding none is said explicitly, as the form asks.
    fields.append('none', 'yes');
  }
  for (const [name, value] of Object.entries(profile)) {
    fields.append(`profile_${name}`, value);
  }
  fields.append('action', action);
  return fields.toString();
}

/**
 * The surveys issue's 200-member flow through the real distribution, ending in the reporting
 * issue's result: staff define and send a survey over HTTP; the worker (WorkerModule, on the same
 * database) sends 200 invitations into the SMTP sink; members follow the links from those emails and
 * answer over HTTP (120 complete, 10 save a draft); staff close it; the worker computes the final
 * snapshot. Its numbers equal `npm run rank` on the console's export and a direct computation here.
 */
describe('A survey from definition to its final ranking snapshot (HTTP, worker, SMTP sink)', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let worker: INestApplicationContext;
  let staff: SignedIn;
  let surveyId: string;
  const label = `rank${Date.now().toString(36)}`;
  const plan = planMembers(ITEMS.length);
  /** Member id (creation order) and address of each planned member. */
  const people: { memberId: string; email: string; plan: PlannedMember }[] = [];
  const tokens = new Map<string, string>();

  /** The worker's part: run its due jobs until none is left. */
  async function runWorker(): Promise<void> {
    const runner = worker.get(JobRunner);
    while ((await runner.runDue(50)) > 0) {
      // a distribution queues its batches as it runs
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    // The worker app, on the API's database (createTestApp set MONGODB_URI for this file's database).
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
    staff = await signInAs(t, { role: 'staff' });
    const members = t.app.get(MemberRepository);
    for (const [k, planned] of plan.entries()) {
      const email = `${label}.${k}@example.test`;
      const member = await members.create({ email, name: `Member ${k}`, role: 'member' });
      await members.setMembership(String(member._id), {
        tier: planned.tier,
        state: 'active',
        entitlements: ['take_surveys', 'see_reports'],
      });
      await members.updateProfile(String(member._id), `Member ${k}`, planned.stored as never);
      people.push({ memberId: String(member._id), email, plan: planned });
    }
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('staff define the survey and send it; the worker emails each of the 200 members their own link', async () => {
    const created = await staff.agent.post('/admin/surveys').type('form').send({ _csrf: staff.csrfToken }).expect(303);
    surveyId = /^\/admin\/surveys\/([0-9a-f]{24})$/.exec(created.headers.location)?.[1] ?? '';
    expect(surveyId).not.toBe('');
    const editor = await staff.agent.get(`/admin/surveys/${surveyId}`).expect(200);
    // The draft comes with the sixteen accountabilities; staff keep nine and rename the eighth.
    const keys = [...editor.text.matchAll(/name="itemKey" value="(i\d+)"/g)].map((match) => match[1]);
    expect(keys).toHaveLength(16);
    const closesAt = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const form = new URLSearchParams({
      _csrf: staff.csrfToken,
      title: `Accountabilities ${label}`,
      intro: 'Which of these are yours, and how does your organisation rank them?',
      closesAt,
      action: 'save',
    });
    ITEMS.forEach((item, f) => {
      form.append('itemKey', keys[f]);
      form.append('itemLabel', item);
    });
    form.append('profileQuestions', 'revenueBand');
    form.append('profileQuestions', 'businessModel');
    await staff.agent.post(`/admin/surveys/${surveyId}`).type('form').send(form.toString()).expect(303);
    const saved = await staff.agent.get(`/admin/surveys/${surveyId}`).expect(200);
    expect(saved.text).toContain('Voice of the customer (surveys &amp; listening posts)');
    expect(saved.text).not.toContain('Market sensing and customer segmentation');

    await staff.agent.post(`/admin/surveys/${surveyId}/send`).type('form').send({ _csrf: staff.csrfToken }).expect(303);
    await runWorker();

    const sink = await fetch(`${process.env.TEST_MAILBOX_URL}/messages.json`);
    const mails = ((await sink.json()) as ReceivedMail[]).filter((mail) =>
      mail.envelopeTo.some((to) => to.startsWith(`${label}.`)),
    );
    expect(mails).toHaveLength(MEMBERS);
    for (const mail of mails) {
      const link = /http:\/\/127\.0\.0\.1\/s\/([A-Za-z0-9_-]{43})/.exec(mail.text);
      expect(link).not.toBeNull();
      tokens.set(mail.envelopeTo[0], link![1]);
    }
    expect(new Set(tokens.values()).size).toBe(MEMBERS);
    expect(new Set(tokens.keys())).toEqual(new Set(people.map((p) => p.email)));
  });

  it('members open their links and answer: 120 submit (some update), 10 save a draft', async () => {
    const server = request(t.app.getHttpServer());
    for (const { email, plan: planned } of people) {
      const path = `/s/${tokens.get(email)}`;
      const page = await server.get(path).set('Accept', 'text/html').expect(200);
      const keys = itemKeysOf(page.text);
      expect([...keys.keys()]).toEqual(ITEMS);
      // The profile questions come prefilled from the member's profile.
      expect(prefilled(page.text, 'revenueBand')).toBe(planned.stored.revenueBand);
      expect(prefilled(page.text, 'businessModel')).toBe(planned.stored.businessModel);
      const profile = { revenueBand: planned.stored.revenueBand, businessModel: planned.stored.businessModel };
      if (planned.partial) {
        await server
          .post(path)
          .type('form')
          .send(formBody(keys, planned.partial, profile, 'save'))
          .expect(303);
      }
      if (planned.firstAnswer) {
        await server
          .post(path)
          .type('form')
          .send(formBody(keys, planned.firstAnswer.held, profile, 'submit'))
          .expect(303);
      }
      if (planned.answer) {
        const { held, ...answers } = planned.answer;
        const done = await server
          .post(path)
          .type('form')
          .send(formBody(keys, held, answers, 'submit'))
          .expect(303);
        expect(done.headers.location).toBe(`${path}?${planned.firstAnswer ? 'updated' : 'done'}=1`);
      }
    }
    const progress = await staff.agent.get(`/admin/surveys/${surveyId}/progress`).expect(200);
    expect(/data-figure="completed">(\d+)</.exec(progress.text)?.[1]).toBe(String(RESPONDENTS));
    expect(/data-figure="rate">([^<]*)</.exec(progress.text)?.[1]).toBe('60%');
    // Completions asked for a debounced computation (one job per minute, due at the minute's end).
    const queued = await t.app.get(JobRepository).findRecent({ type: RANKING_JOB, status: 'pending' });
    expect(queued.length).toBeGreaterThanOrEqual(1);
    for (const job of queued) {
      expect(job.payload).toEqual({ surveyId, trigger: 'completions' });
      expect(new Date(job.runAt as Date).getTime() % 60_000).toBe(0);
    }
  });

  let snapshot: RankingResult;

  it('staff close the survey; the worker computes the final snapshot at once', async () => {
    await staff.agent
      .post(`/admin/surveys/${surveyId}/close`)
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' })
      .expect(303);
    const closeJobs = (await t.app.get(JobRepository).findRecent({ type: RANKING_JOB, status: 'pending' })).filter(
      (job) => (job.payload as { trigger: string }).trigger === 'close',
    );
    expect(closeJobs).toHaveLength(1);
    expect(new Date(closeJobs[0].runAt as Date).getTime()).toBeLessThanOrEqual(Date.now());
    await runWorker();
    const latest = await worker.get(SnapshotRepository).findLatest(surveyId);
    expect(latest).toMatchObject({ final: true, counts: { invited: MEMBERS, bounced: 0, partial: PARTIAL } });
    snapshot = latest!.result;
    expect(snapshot.respondents).toBe(RESPONDENTS);
    expect(snapshot.response_rate).toEqual({
      invited: MEMBERS,
      bounced: 0,
      eligible: MEMBERS,
      completed: RESPONDENTS,
      partial: PARTIAL,
      rate: 0.6,
    });

    // Nothing changed since: staff's "recompute" stores no new version.
    await staff.agent
      .post(`/admin/reports/${surveyId}/recompute`)
      .type('form')
      .send({ _csrf: staff.csrfToken })
      .expect(303);
    await runWorker();
    expect((await worker.get(SnapshotRepository).findState(surveyId))?.latestVersion).toBe(latest!.version);
    // A second completion in the same minute queues nothing more.
    const requests = t.app.get(RankingRequests);
    const minute = new Date(Date.UTC(2026, 0, 1, 12, 0, 30));
    expect(await requests.afterCompletion(surveyId, minute)).toBe(true);
    expect(await requests.afterCompletion(surveyId, minute)).toBe(false);
  });

  it('the snapshot equals a direct computation from what the members submitted', () => {
    const answered = people.filter((p) => p.plan.answer).sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
    // The reference computation written in this test (not libs/rankings).
    const reference = referenceRanking(
      ITEMS,
      answered.map((p) => p.plan.answer!.held),
    );
    expect(snapshot.items.map((row) => row.item)).toEqual(reference.map((row) => row.item));
    snapshot.items.forEach((row, r) => {
      expect(row.rank).toBe(r + 1);
      expect(row.borda).toBeCloseTo(reference[r].borda, 12);
      expect(row.incumbency).toBeCloseTo(reference[r].incumbency, 12);
      const meanRank = reference[r].meanRank;
      expect(row.mean_rank).toEqual(meanRank === null ? null : expect.closeTo(meanRank, 12));
    });
    expect(snapshot.items.find((row) => row.item === ITEMS[8])).toMatchObject({ incumbency: 0, mean_rank: null });

    // libs/rankings on the exchange document built from the plan (respondents in invitation order,
    // the profile as answered, tier from the membership) gives the stored result exactly.
    const profileOf = (p: (typeof people)[number], answers: { revenueBand: string; businessModel: string }) => ({
      revenueBand: answers.revenueBand,
      businessModel: answers.businessModel,
      tier: p.plan.tier,
    });
    const doc: ExchangeDocument = {
      items: ITEMS,
      responses: answered.map((p, r) => ({
        id: `r${r + 1}`,
        held: p.plan.answer!.held.map((f) => ITEMS[f]),
        profile: profileOf(p, p.plan.answer!),
      })),
      invited: [...people]
        .sort((a, b) => (a.memberId < b.memberId ? -1 : 1))
        .map((p) => ({ profile: profileOf(p, p.plan.stored) })),
    };
    const direct = computeRanking(doc, { invited: MEMBERS, bounced: 0, partial: PARTIAL });
    expect(JSON.parse(JSON.stringify(direct))).toEqual(JSON.parse(JSON.stringify(snapshot)));
    // The skews the plan builds in are found: respondents lean to >$1B and to B2B.
    const skewed = (snapshot.skew ?? []).filter((s) => s.skewed).map((s) => s.toward);
    expect(skewed).toEqual(expect.arrayContaining(['>$1B', 'B2B']));
  });

  it('npm run rank on the console’s export prints the same numbers', async () => {
    const exported = await staff.agent.get(`/admin/reports/${surveyId}/responses.json`).expect(200);
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename=".+-responses\.json"$/);
    const text = exported.text;
    // No member ids, names, addresses or tokens in the export.
    expect(text).not.toMatch(/Member \d|example\.test|[0-9a-f]{24}/);
    for (const token of tokens.values()) {
      expect(text).not.toContain(token);
    }
    const file = join(mkdtempSync(join(tmpdir(), 'export-')), 'responses.json');
    writeFileSync(file, text);
    const root = resolve(__dirname, '../..');
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'rank', '--', file], { cwd: root });
    const fromFile = JSON.parse(stdout) as RankingResult;
    // The file knows only completed responses, so its response rate cannot count the partial ones.
    expect(fromFile.response_rate).toEqual({ ...snapshot.response_rate, partial: null });
    const stored = JSON.parse(JSON.stringify(snapshot)) as RankingResult;
    expect({ ...fromFile, response_rate: null }).toEqual({ ...stored, response_rate: null });
  });

  it('the segment of 4 B2C respondents is not shown on the console, nor its figures in the JSON', async () => {
    const segment = snapshot.segments?.find((s) => s.attribute === 'businessModel');
    expect(segment?.values.find((v) => v.value === 'B2C')).toEqual({ value: 'B2C', respondents: 4, shown: false });
    expect(segment?.values.find((v) => v.value === 'B2B')?.shown).toBe(true);

    const console = await staff.agent.get(`/admin/reports/${surveyId}?segment=businessModel`).expect(200);
    expect(console.text).toContain('Not shown (fewer than 5 respondents): B2C');
    const table = /<caption>Rank \(and incumbency\) by [^<]*<\/caption>\s*<thead>([\s\S]*?)<\/thead>/.exec(
      console.text,
    );
    expect(table?.[1]).toContain('B2B <span class="muted">(');
    expect(table?.[1]).not.toContain('B2C');

    const json = await staff.agent.get(`/api/reports/${surveyId}/segments`).expect(200);
    const business = json.body.attributes.find((a: { attribute: string }) => a.attribute === 'businessModel');
    expect(business.values.find((v: { value: string }) => v.value === 'B2C')).toEqual({ value: 'B2C', shown: false });
    const ranking = await staff.agent.get(`/api/reports/${surveyId}/ranking`).expect(200);
    expect(ranking.body.items).toEqual(JSON.parse(JSON.stringify(snapshot.items)));
  });
});
