import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import type { INestApplicationContext } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { JobRepository, JobRunner } from '@roundtable/jobs';
import { ExchangeTransfer, RANKING_JOB, RankingRequests, SnapshotRepository } from '@roundtable/reporting';
import { InvitationRepository, ResponseRepository, SurveyRepository } from '@roundtable/surveys';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { testEnvironment } from '../support/create-test-app';

const ITEMS = ['Tactics', 'Experience', 'Metrics', 'Culture', 'Strategy', 'Needs', 'Relationships', 'Voice'];

/** 200 invited members; 120 answer. Answers and profiles follow a fixed LCG, not typed in. */
function plan() {
  let state = 2026;
  const next = (k: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * k);
  };
  return Array.from({ length: 200 }, (_, k) => {
    const revenueBand = ['<$100M', '$100M–$1B', '>$1B'][next(3)];
    // Exactly four B2C members answer: a segment below the minimum cell of 5.
    const businessModel = k < 4 ? 'B2C' : k < 120 ? 'B2B' : ['B2B', 'B2C', 'Both'][next(3)];
    const pool = ITEMS.map((_, f) => `i${f + 1}`);
    const held =
      k < 120 ? Array.from({ length: next(6) }, () => pool.splice(next(Math.min(pool.length, 5)), 1)[0]) : [];
    return {
      memberId: `m${String(k).padStart(3, '0')}`,
      profile: { revenueBand, businessModel },
      tier: k % 2 ? 'council' : 'exec',
      held,
      status: k < 120 ? 'completed' : k < 130 ? 'partial' : null,
      bounced: k >= 190,
    };
  });
}

describe('Ranking snapshots computed by the worker', () => {
  let worker: INestApplicationContext;
  let connection: Connection;
  let surveyId: string;
  const members = plan();

  beforeAll(async () => {
    Object.assign(process.env, testEnvironment(`rt_test_${randomBytes(4).toString('hex')}`));
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
    connection = worker.get<Connection>(getConnectionToken());
    const survey = await worker.get(SurveyRepository).create({
      title: 'Accountabilities 2026',
      intro: '',
      items: ITEMS.map((label, f) => ({ key: `i${f + 1}`, label })),
      profileQuestions: ['revenueBand', 'businessModel'],
      audience: { tiers: [], filters: {} },
      opensAt: null,
      closesAt: null,
      reminders: [],
    });
    surveyId = String(survey._id);
    await worker.get(SurveyRepository).markSent(surveyId);
    const invitations = worker.get(InvitationRepository);
    const responses = worker.get(ResponseRepository);
    for (const m of members) {
      await invitations.insertOnce(
        {
          surveyId,
          memberId: m.memberId,
          email: `${m.memberId}@example.test`,
          name: `Member ${m.memberId}`,
          profile: m.profile,
          tier: m.tier,
        },
        m.bounced ? 'bounced' : 'sent',
      );
      const id = `${surveyId}:${m.memberId}`;
      if (m.status === 'completed') {
        await responses.complete(id, surveyId, { held: m.held, profile: m.profile }, null);
      } else if (m.status === 'partial') {
        await responses.savePartial(id, surveyId, { held: ['i1'], profile: m.profile });
      }
    }
  });
  afterAll(async () => {
    await connection.dropDatabase().catch(() => undefined);
    await worker.close();
  });

  it('queues one computation per minute of completions and stores a snapshot equal to npm run rank on the export', async () => {
    const requests = worker.get(RankingRequests);
    const minute = new Date();
    expect(await requests.afterCompletion(surveyId, minute)).toBe(true);
    expect(await requests.afterCompletion(surveyId, minute)).toBe(false);
    const jobs = worker.get(JobRepository);
    const queued = await jobs.findRecent({ type: RANKING_JOB, status: 'pending' });
    expect(queued).toHaveLength(1);
    // The job waits for the minute's end; run it now as if the minute had passed.
    await connection.collection('jobs').updateOne({ _id: queued[0]._id as never }, { $set: { runAt: new Date(0) } });
    expect(await worker.get(JobRunner).runDue()).toBe(1);

    const snapshot = await worker.get(SnapshotRepository).findLatest(surveyId);
    expect(snapshot).toMatchObject({ version: 1, trigger: 'completions', final: false });
    const result = snapshot!.result;

    // A direct computation from the plan: respondents, response rate, incumbency and Borda of every item.
    const answered = members.filter((m) => m.status === 'completed');
    expect(result.respondents).toBe(120);
    expect(result.response_rate).toEqual({
      invited: 200,
      bounced: 10,
      eligible: 190,
      completed: 120,
      partial: 10,
      rate: 120 / 190,
    });
    const n = ITEMS.length;
    for (const row of result.items) {
      const key = `i${ITEMS.indexOf(row.item) + 1}`;
      const holders = answered.filter((m) => m.held.includes(key));
      const points = answered.reduce((sum, m) => {
        const p = m.held.indexOf(key);
        return sum + (p >= 0 ? n - (p + 1) : (n - m.held.length - 1) / 2);
      }, 0);
      expect(row.incumbency).toBe(holders.length / 120);
      expect(row.borda).toBeCloseTo(points / 120, 12);
    }
    // Four B2C respondents: the segment is listed without figures.
    const business = result.segments?.find((s) => s.attribute === 'businessModel');
    expect(business?.values.find((v) => v.value === 'B2C')).toEqual({ value: 'B2C', respondents: 4, shown: false });
    expect(business?.values.find((v) => v.value === 'B2B')?.shown).toBe(true);

    // The export holds no member ids, names or addresses, and npm run rank on it prints the same result.
    const { doc } = await worker.get(ExchangeTransfer).exportSurvey(surveyId);
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/m0\d\d|Member |example\.test/);
    expect(doc.responses[0].id).toBe('r1');
    const file = join(mkdtempSync(join(tmpdir(), 'export-')), 'responses.json');
    writeFileSync(file, text);
    const root = resolve(__dirname, '../..');
    const { stdout } = await promisify(execFile)('node', [join(root, 'tools/rank.js'), file], { cwd: root });
    const { response_rate: _fromFile, ...fromFile } = JSON.parse(stdout) as typeof result;
    const { response_rate: _stored, ...stored } = JSON.parse(JSON.stringify(result)) as typeof result;
    expect(fromFile).toEqual(stored);
  });

  it('stores no new version when nothing changed, and a final one at close', async () => {
    await worker.get(RankingRequests).onDemand(surveyId, new Date(Date.now() + 20_000));
    await connection
      .collection('jobs')
      .updateMany({ type: RANKING_JOB, status: 'pending' }, { $set: { runAt: new Date(0) } });
    await worker.get(JobRunner).runDue();
    expect((await worker.get(SnapshotRepository).findState(surveyId))?.latestVersion).toBe(1);
    await worker.get(SurveyRepository).close(surveyId);
    await worker.get(RankingRequests).atClose(surveyId, new Date(0));
    await connection
      .collection('jobs')
      .updateMany({ type: RANKING_JOB, status: 'pending' }, { $set: { runAt: new Date(0) } });
    await worker.get(JobRunner).runDue();
    const latest = await worker.get(SnapshotRepository).findLatest(surveyId);
    expect(latest).toMatchObject({ version: 2, trigger: 'close', final: true });
    expect(latest?.result.items).toEqual((await worker.get(SnapshotRepository).findVersion(surveyId, 1))?.result.items);
  });
});
