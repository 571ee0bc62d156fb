import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import request from 'supertest';
import { JobRunner } from '@roundtable/jobs';
import { MemberRepository, type MemberRecord } from '@roundtable/members';
import { SnapshotRepository } from '@roundtable/reporting';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestApp, type TestApp } from '../support/create-test-app';
import type { ReceivedMail } from '../support/mailbox';
import { readPdf } from '../support/pdf-text';
import { decodeHtml, itemKeysOf } from '../support/response-page';
import { sessionFor, signInAs, type SignedIn } from '../support/sessions';
import { referenceRanking } from './survey-plan';

const MEMBERS = 200;
/** The first wave's items; the second renames the third, retires the sixth and adds one. */
const FIRST = [
  'Customer-centric tactics',
  'Customer experience management',
  'Metrics and analytics related to customer-centricity',
  'Customer-centric culture (or the evolution to it)',
  'Customer strategy',
  'Understanding customer needs',
];
const RENAMED = 'Customer metrics and analytics';
const ADDED = 'Customer success';
const SECOND = [FIRST[0], FIRST[1], RENAMED, FIRST[3], FIRST[4], ADDED];

function lcg(seed: number) {
  let state = seed;
  return (k: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * k);
  };
}

/**
 * What member k holds in each wave (labels, highest first), or null when they do not answer. In the
 * first wave tactics leads for most and experience management trails; in the second the two swap.
 * The three middle items are drawn alike in both waves, so they move only by chance.
 */
function plan(): { first: string[] | null; second: string[] | null }[] {
  const next = lcg(29);
  const middle = () => [FIRST[2], FIRST[3], FIRST[4]].filter(() => next(100) < 60).sort(() => next(3) - 1);
  const answer = (lead: string, trail: string, extra: string) => {
    const held = [...(next(100) < 90 ? [lead] : []), ...middle(), ...(next(100) < 50 ? [trail] : [])];
    if (next(100) < 40) {
      held.push(extra);
    }
    return held.length > 0 ? held : [extra];
  };
  return Array.from({ length: MEMBERS }, (_, k) => ({
    first: k % 4 === 3 ? null : answer(FIRST[0], FIRST[1], FIRST[5]),
    second: k % 5 === 4 ? null : answer(FIRST[1], FIRST[0], ADDED),
  }));
}

/** The rows of the trends table: item label → its cells. */
function trendRows(html: string): Map<string, string[]> {
  const rows = [
    ...html.matchAll(/<tr class="movement-[\w-]+"><th scope="row">([^<]*)<\/th>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g),
  ];
  return new Map(
    rows.map((row) => [
      decodeHtml(row[1]),
      [...row[2].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => decodeHtml(c[1])),
    ]),
  );
}

/**
 * Two waves of one survey through HTTP, the real worker and the SMTP sink: staff send the first wave
 * to 200 members, who answer from their emails; staff close it and start the next wave (one label
 * edited, one item retired, one added), send and close it; the worker's snapshot of the second wave
 * carries the trends, and the console's Trends tab says which items rose and fell.
 */
describe('Waves of a survey, compared (HTTP, worker, SMTP sink)', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let worker: INestApplicationContext;
  let staff: SignedIn;
  const label = `wave${Date.now().toString(36)}`;
  const answers = plan();
  const emails: string[] = [];
  const people: MemberRecord[] = [];
  const waveIds: string[] = [];

  async function runWorker(): Promise<void> {
    const runner = worker.get(JobRunner);
    while ((await runner.runDue(50)) > 0) {
      // a distribution queues its batches as it runs
    }
  }

  /** Sends the survey, then answers it from each member's email as planned; returns the links. */
  async function sendAndAnswer(surveyId: string, wave: 'first' | 'second'): Promise<void> {
    await staff.agent.post(`/admin/surveys/${surveyId}/send`).type('form').send({ _csrf: staff.csrfToken }).expect(303);
    await runWorker();
    const mails = ((await (await fetch(`${process.env.TEST_MAILBOX_URL}/messages.json`)).json()) as ReceivedMail[])
      .filter((mail) => mail.envelopeTo.some((to) => to.startsWith(`${label}.`)))
      .filter((mail) => mail.text.includes(`/s/`));
    const server = request(t.app.getHttpServer());
    const seen = new Set<string>();
    for (const mail of mails.reverse()) {
      const to = mail.envelopeTo[0];
      const token = /http:\/\/127\.0\.0\.1\/s\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
      if (seen.has(to) || !token) {
        continue; // the newest email per member is this wave's
      }
      seen.add(to);
      const held = answers[emails.indexOf(to)][wave];
      if (!held) {
        continue;
      }
      const page = await server.get(`/s/${token}`).set('Accept', 'text/html').expect(200);
      const keys = itemKeysOf(page.text);
      const form = new URLSearchParams();
      held.forEach((planned, position) => {
        // The plan names the renamed item by its first label; the second wave's page shows the new one.
        const key = keys.get(wave === 'second' && planned === FIRST[2] ? RENAMED : planned) as string;
        form.append('held', key);
        form.append(`rank_${key}`, String(position + 1));
      });
      form.append('action', 'submit');
      await server.post(`/s/${token}`).type('form').send(form.toString()).expect(303);
    }
    expect(seen.size).toBe(MEMBERS);
    await staff.agent
      .post(`/admin/surveys/${surveyId}/close`)
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' })
      .expect(303);
    await runWorker();
  }

  /** Saves a draft's items (key and label lists as the editor sends them) and a close date. */
  async function saveItems(surveyId: string, title: string, items: { key: string; label: string }[], newItem = '') {
    const form = new URLSearchParams({
      _csrf: staff.csrfToken,
      title,
      intro: 'Which of these are yours?',
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      newItem,
      action: 'save',
    });
    for (const item of items) {
      form.append('itemKey', item.key);
      form.append('itemLabel', item.label);
    }
    await staff.agent.post(`/admin/surveys/${surveyId}`).type('form').send(form.toString()).expect(303);
  }

  async function editorItems(surveyId: string): Promise<{ key: string; label: string }[]> {
    const editor = await staff.agent.get(`/admin/surveys/${surveyId}`).expect(200);
    const keys = [...editor.text.matchAll(/name="itemKey" value="(i\d+)"/g)].map((match) => match[1]);
    const labels = [...editor.text.matchAll(/name="itemLabel"[^>]*value="([^"]*)"/g)].map((match) =>
      decodeHtml(match[1]),
    );
    return keys.map((key, k) => ({ key, label: labels[k] }));
  }

  beforeAll(async () => {
    t = await createTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
    staff = await signInAs(t, { role: 'staff' });
    const members = t.app.get(MemberRepository);
    for (let k = 0; k < MEMBERS; k++) {
      const email = `${label}.${k}@example.test`;
      const member = await members.create({ email, name: `Member ${k}`, role: 'member' });
      await members.setMembership(String(member._id), {
        tier: 'executive',
        state: 'active',
        entitlements: ['take_surveys', 'see_reports', 'peer_benchmark'],
      });
      emails.push(email);
      people.push(member);
    }
  }, 180_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('the first wave is sent to 200 members, answered from their emails and closed', async () => {
    const created = await staff.agent
      .post('/admin/surveys')
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' })
      .expect(303);
    const surveyId = /\/admin\/surveys\/([0-9a-f]{24})$/.exec(created.headers.location)?.[1] as string;
    const prefilled = await editorItems(surveyId);
    await saveItems(
      surveyId,
      `Accountabilities 2025 ${label}`,
      FIRST.map((item, f) => ({ key: prefilled[f].key, label: item })),
    );
    await sendAndAnswer(surveyId, 'first');
    waveIds.push(surveyId);
    const snapshot = await worker.get(SnapshotRepository).findLatest(surveyId);
    expect(snapshot?.result.respondents).toBe(answers.filter((a) => a.first).length);
    expect(snapshot?.trends ?? null).toBeNull();
  });

  it('"Start the next wave" is refused on an open survey and makes a linked draft of a closed one', async () => {
    const draft = await staff.agent.post('/admin/surveys').type('form').send({ _csrf: staff.csrfToken }).expect(303);
    const draftId = /([0-9a-f]{24})$/.exec(draft.headers.location)?.[1] as string;
    const refused = await staff.agent
      .post(`/admin/surveys/${draftId}/next-wave`)
      .type('form')
      .send({ _csrf: staff.csrfToken })
      .expect(409);
    expect(refused.text).toContain('close it before starting its next wave');

    const next = await staff.agent
      .post(`/admin/surveys/${waveIds[0]}/next-wave`)
      .type('form')
      .send({ _csrf: staff.csrfToken })
      .expect(303);
    const waveId = /\/admin\/surveys\/([0-9a-f]{24})$/.exec(next.headers.location)?.[1] as string;
    expect(waveId).not.toBe(waveIds[0]);
    const items = await editorItems(waveId);
    expect(items.map((item) => item.label)).toEqual(FIRST);
    const editor = await staff.agent.get(`/admin/surveys/${waveId}`).expect(200);
    expect(editor.text).toContain(`Accountabilities 2026 ${label}`);
    expect(editor.text).toContain('the next wave of');
    // Rename the third item (its key stays), retire the sixth and add a new one: the new item must
    // not take the retired item's key, or the two would be compared.
    await saveItems(
      waveId,
      `Accountabilities 2026 ${label}`,
      items.slice(0, 5).map((item, f) => ({ key: item.key, label: f === 2 ? RENAMED : item.label })),
      ADDED,
    );
    const saved = await editorItems(waveId);
    expect(saved.map((item) => item.label)).toEqual(SECOND);
    expect(saved.slice(0, 5).map((item) => item.key)).toEqual(items.slice(0, 5).map((item) => item.key));
    expect(items.map((item) => item.key)).not.toContain(saved[5].key);
    waveIds.push(waveId);
  });

  it('the second wave is answered; its snapshot holds the trends and the Trends tab shows them', async () => {
    await sendAndAnswer(waveIds[1], 'second');
    const snapshot = await worker.get(SnapshotRepository).findLatest(waveIds[1]);
    const trends = snapshot?.trends;
    expect(trends?.waves.map((wave) => wave.respondents)).toEqual([
      answers.filter((a) => a.first).length,
      answers.filter((a) => a.second).length,
    ]);
    const [pair] = trends?.pairs ?? [];
    expect(pair.retired).toHaveLength(1);
    expect(pair.added).toHaveLength(1);

    // Ranks on the common items, computed here from what the members were planned to submit.
    const common = [FIRST[0], FIRST[1], FIRST[2], FIRST[3], FIRST[4]];
    const restrict = (lists: (string[] | null)[]) =>
      lists
        .filter((held): held is string[] => held !== null)
        .map((held) => held.filter((item) => common.includes(item)).map((item) => common.indexOf(item)));
    const before = referenceRanking(common, restrict(answers.map((a) => a.first)));
    const after = referenceRanking(common, restrict(answers.map((a) => a.second?.map((item) => item) ?? null)));
    for (const item of pair.items) {
      const name = item.label === RENAMED ? FIRST[2] : item.label;
      expect(item.earlier.rank).toBe(before.findIndex((row) => row.item === name) + 1);
      expect(item.later.rank).toBe(after.findIndex((row) => row.item === name) + 1);
      expect(item.borda_change).toBeCloseTo(
        (after.find((row) => row.item === name)?.borda ?? NaN) -
          (before.find((row) => row.item === name)?.borda ?? NaN),
        12,
      );
      // A verdict other than "no clear change" only where the interval excludes 0.
      const [low, high] = item.borda_change_interval as [number, number];
      expect(item.movement).toBe(low > 0 ? 'rose' : high < 0 ? 'fell' : 'no clear change');
    }

    const tab = await staff.agent.get(`/admin/reports/${waveIds[1]}/trends`).expect(200);
    const rows = trendRows(tab.text);
    expect(rows.get(FIRST[1])?.at(-1)).toBe('Rose');
    expect(rows.get(FIRST[0])?.at(-1)).toBe('Fell');
    expect(rows.get(RENAMED)).toBeDefined();
    expect(tab.text).toContain(`New in the later wave (no comparison): ${ADDED}.`);
    expect(decodeHtml(tab.text)).toContain(`Retired after the earlier wave: ${FIRST[5]}.`);
    expect(tab.text).toContain('<svg');
    expect(tab.text).toContain('Each item&#39;s rank in each wave');
    const results = await staff.agent.get(`/admin/reports/${waveIds[1]}`).expect(200);
    expect(results.text).toContain(`/admin/reports/${waveIds[1]}/trends`);
  });

  it('the published report shows members the trend, and a member who answered both waves their own change', async () => {
    await staff.agent
      .post(`/admin/reports/${waveIds[1]}/publish`)
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' })
      .expect(303);
    const k = answers.findIndex((a) => a.first && a.second && a.first[0] === FIRST[0] && a.second[0] === FIRST[1]);
    const member = await sessionFor(t, people[k]);
    const report = await member.agent.get(`/reports/${waveIds[1]}`).expect(200);
    expect(report.text).toContain('Compared with earlier waves');
    expect(trendRows(report.text).get(FIRST[1])?.at(-1)).toBe('Rose');

    const pdf = await member.agent
      .get(`/reports/${waveIds[1]}/report.pdf`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('Content-Type', 'application/pdf');
    const parsed = await readPdf(pdf.body as Buffer);
    expect(parsed.pages).toBeGreaterThanOrEqual(1);
    expect(parsed.title).toBe(`Accountabilities 2026 ${label}`);
    const flat = parsed.text.replace(/\s+/g, ' ');
    expect(flat).toContain('Roundtable');
    expect(flat).toContain('How the research was done');
    const topRow = (await t.app.get(SnapshotRepository).findPublished(waveIds[1]))?.result.items[0];
    expect(flat).toMatch(
      new RegExp(`1 ${topRow?.item} ${topRow?.borda.toFixed(2)} ${Math.round((topRow?.incumbency ?? 0) * 100)}%`),
    );
    expect(flat).toContain('Your answers beside your peers’');

    const mine = await member.agent.get(`/reports/${waveIds[1]}/mine`).expect(200);
    expect(mine.text).toContain('Your change since the last wave');
    const table = /<section class="card wide" id="own-change"[\s\S]*?<\/section>/.exec(mine.text)?.[0] ?? '';
    const rows = new Map(
      [...table.matchAll(/<tr><th scope="row">([^<]*)<\/th>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g)].map((row) => [
        decodeHtml(row[1]),
        [...row[2].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((cell) => decodeHtml(cell[1])),
      ]),
    );
    // Their own priority among the common items in each wave, from what they were planned to submit.
    const common = FIRST.slice(0, 5);
    const own = (held: string[]) => held.filter((item) => common.includes(item));
    const [before, after] = [own(answers[k].first ?? []), own(answers[k].second ?? [])];
    expect(rows.get(FIRST[0])?.[0]).toBe('1');
    expect(rows.get(FIRST[1])?.[1]).toBe('1');
    for (const item of common) {
      const name = item === FIRST[2] ? RENAMED : item;
      const cells = rows.get(name);
      expect(cells?.[0]).toBe(before.includes(item) ? String(before.indexOf(item) + 1) : 'not yours');
      expect(cells?.[1]).toBe(after.includes(item) ? String(after.indexOf(item) + 1) : 'not yours');
    }
  });

  it('"Draft a post" writes a blog draft from the published snapshot, with the chart as its share card', async () => {
    const drafted = await staff.agent
      .post(`/admin/reports/${waveIds[1]}/draft-post`)
      .type('form')
      .send({ _csrf: staff.csrfToken })
      .expect(303);
    expect(drafted.headers.location).toMatch(/^\/admin\/posts\/[0-9a-f]{24}\/edit$/);
    const editor = decodeHtml((await staff.agent.get(drafted.headers.location).expect(200)).text);
    const respondents = answers.filter((a) => a.second).length;
    expect(editor).toContain(`What ${respondents} members told us: Accountabilities 2026 ${label}`);
    expect(editor).toContain(`The council surveyed ${MEMBERS} members by email`);
    expect(editor).toContain(
      `${respondents} answered, a response rate of ${Math.round((respondents / MEMBERS) * 100)}%`,
    );
    expect(editor).toContain(`Compared with the previous wave, ${FIRST[1]} rose`);
    expect(editor).toContain(`[the full report](/reports/${waveIds[1]})`);
    expect(editor).toContain(`/research/${waveIds[1]}/card.png`);

    // The card is public (the headline only) and is a 1200 × 630 PNG.
    const card = await request(t.app.getHttpServer())
      .get(`/research/${waveIds[1]}/card.png`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('Content-Type', 'image/png');
    const png = card.body as Buffer;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    mkdirSync('test-artifacts/screenshots', { recursive: true });
    writeFileSync('test-artifacts/screenshots/social-card.png', png);
    // An unpublished survey has no card.
    await request(t.app.getHttpServer()).get(`/research/${waveIds[0]}/card.png`).expect(404);
  });
});
