import request from 'supertest';
import { PostRepository } from '@roundtable/blog';
import { PageCache } from '@roundtable/core';
import { publishedSummary, ReportingWorkerModule, SnapshotRepository } from '@roundtable/reporting';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { signInAs, type SignedIn } from '../support/sessions';
import { REPORT_ITEMS, reportFor } from './report-fixtures';

jest.setTimeout(120_000);

/**
 * No figure of a result reaches members or visitors unless at least min_cell members answered (the
 * privacy page promises groups of at least five): publishing refuses it, and every page, teaser and
 * card refuses it again, whatever the database says is published. Ties read as ties there.
 */
describe('Publishing research needs min_cell respondents; ties are shown as ties', () => {
  let t: TestApp;
  let staff: SignedIn;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp({ imports: [ReportingWorkerModule] });
    staff = await signInAs(t, { role: 'staff' });
  });
  afterAll(() => t.close());

  const publish = (surveyId: string) =>
    staff.agent
      .post(`/admin/reports/${surveyId}/publish`)
      .set('Accept', 'text/html')
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' });

  it('refuses to publish a result of 1 or 4 respondents with the reason, and publishes nothing', async () => {
    for (const answers of [1, 4]) {
      const title = `Too few answered ${answers}`;
      const surveyId = await reportFor(t, staff, title, false, answers);
      const members = answers === 1 ? '1 member has' : `${answers} members have`;
      // The console says so before staff press the button.
      const console = await staff.agent.get(`/admin/reports/${surveyId}`).expect(200);
      expect(console.text).toContain(`<p class="notice">Only ${members} answered.`);
      const refused = await publish(surveyId);
      expect(refused.status).toBe(422);
      expect(refused.text).toContain(`Only ${members} answered. A result is published only when at least 5 have`);
      expect((await t.app.get(SnapshotRepository).findState(surveyId))?.publishedVersion ?? null).toBeNull();
      expect((await http().get('/').expect(200)).text).not.toContain(title);
      expect((await staff.agent.get('/reports').expect(200)).text).not.toContain(title);
      await staff.agent.get(`/reports/${surveyId}`).expect(404);
    }
  });

  it('publishes a result of exactly 5 respondents', async () => {
    const surveyId = await reportFor(t, staff, 'Five answered', false, 5);
    expect((await staff.agent.get(`/admin/reports/${surveyId}`).expect(200)).text).not.toContain('Only 5 members');
    await publish(surveyId).expect(303);
    const page = await staff.agent.get(`/reports/${surveyId}`).expect(200);
    expect(page.text).toContain('Five answered');
    // The figures on the home page are for those who may read the report (visitors read the headline).
    expect((await staff.agent.get('/').expect(200)).text).toContain('5 members answered');
  });

  it('shows no figure of a published result under min_cell anywhere, whatever the database says', async () => {
    const shown = await reportFor(t, staff, 'Attached and shown');
    const saved = await staff.agent
      .post('/admin/posts')
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        title: 'With a report',
        bodyMarkdown: 'Findings.',
        reportId: shown,
        action: 'publish',
      })
      .expect(303);
    const postId = /^\/admin\/posts\/([0-9a-f]{24})\/edit/.exec(saved.headers.location)?.[1] as string;
    const slug = (await t.app.get(PostRepository).findById(postId))!.slug;
    const member = await signInAs(t, {
      membership: { tier: 'council', state: 'active', entitlements: ['see_reports'] },
    });
    expect((await member.agent.get(`/blog/${slug}`).expect(200)).text).toContain('6 members answered');

    // One member's answers stored as published by another way than the console (an older version, a restore).
    const title = 'One member only';
    const lone = await reportFor(t, staff, title, false, 1);
    const snapshots = t.app.get(SnapshotRepository);
    const latest = (await snapshots.findLatest(lone))!;
    await snapshots.publish(lone, latest.version, publishedSummary(lone, title, latest.result));
    await t.app.get(PostRepository).update(postId, { reportId: lone });
    await t.app.get(PageCache).invalidate();

    for (const home of [await http().get('/').expect(200), await member.agent.get('/').expect(200)]) {
      expect(home.text).not.toContain(title);
      expect(home.text).not.toContain('1 members answered');
    }
    const post = await member.agent.get(`/blog/${slug}`).expect(200);
    expect(post.text).not.toContain('1 members answered');
    expect(post.text).not.toContain(REPORT_ITEMS[0]);
    expect((await staff.agent.get('/reports').expect(200)).text).not.toContain(title);
    for (const path of [`/reports/${lone}`, `/reports/${lone}/mine`]) {
      const page = await staff.agent.get(path).set('Accept', 'text/html');
      expect(page.status).toBe(404);
      expect(page.text).toContain('Fewer than 5 members answered this survey, so its results are not shown.');
    }
    // The editor no longer offers it.
    const editor = await staff.agent.get('/admin/posts/new').expect(200);
    expect(editor.text).not.toContain(`value="${lone}"`);
  });

  it('shows tied scores as tied ranks on the members’ report, their own page and the home teaser', async () => {
    // Six answers: everyone holds the first item first; three hold the second next, three the third.
    const surveyId = await reportFor(t, staff, 'Tied second');
    const report = await staff.agent.get(`/reports/${surveyId}`).expect(200);
    const rows = [...report.text.matchAll(/<td[^>]*>([^<]+)<\/td><th scope="row">([^<]+)<\/th>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(rows).toEqual([
      ['1', REPORT_ITEMS[0]],
      ['=2', REPORT_ITEMS[1]],
      ['=2', REPORT_ITEMS[2]],
    ]);
    expect(report.text).toContain(`=2. ${REPORT_ITEMS[1]}`);
    const mine = await staff.agent.get(`/reports/${surveyId}/mine`).expect(200);
    expect(mine.text).toMatch(
      new RegExp(`${REPORT_ITEMS[2]}</th><td class="num">not yours</td><td class="num">=2</td>`),
    );
    const home = await http().get('/').expect(200);
    expect(home.text).toContain(
      `The 3 most common: ${REPORT_ITEMS[0]}; ${REPORT_ITEMS[1]} (=2); ${REPORT_ITEMS[2]} (=2).`,
    );
    // Staff's console keeps the full order (ties broken by incumbency, then name) for exports and checks.
    const console = await staff.agent.get(`/admin/reports/${surveyId}`).expect(200);
    expect(console.text).toMatch(new RegExp(`<td[^>]*>3</td><th scope="row">${REPORT_ITEMS[2]}</th>`));
  });
});
