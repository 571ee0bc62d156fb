import request from 'supertest';
import { PostRepository } from '@roundtable/blog';
import { ReportingWorkerModule } from '@roundtable/reporting';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { signInAs, type SignedIn } from '../support/sessions';
import { REPORT_ITEMS, reportFor } from './report-fixtures';

/** The headline finding of the fixture's report, as the card prints it (the second and third items tie). */
const HEADLINE = `The 3 most common: ${REPORT_ITEMS[0]}; ${REPORT_ITEMS[1]} (=2); ${REPORT_ITEMS[2]} (=2).`;

/** A Council Member's membership as billing writes it: the tier's entitlements, the reports among them. */
const COUNCIL = {
  tier: 'council',
  state: 'active',
  entitlements: ['members_posts', 'comment', 'take_surveys', 'see_reports', 'guest_post'],
};

const cardOf = (html: string) => /<aside class="card report-card"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';

/** Staff attach a published research report to a blog post; the post page shows its card. */
describe('A research report attached to a blog post', () => {
  let t: TestApp;
  let staff: SignedIn;
  let reportId: string;
  let draftSurveyId: string;
  let slug: string;

  beforeAll(async () => {
    t = await createTestApp({ imports: [ReportingWorkerModule] });
    staff = await signInAs(t, { role: 'staff' });
    reportId = await reportFor(t, staff, 'Accountabilities 2026');
    draftSurveyId = await reportFor(t, staff, 'Unpublished survey', false);
  });
  afterAll(() => t.close());

  const post = (fields: Record<string, string>) =>
    staff.agent
      .post('/admin/posts')
      .type('form')
      .set('Accept', 'text/html')
      .send({ _csrf: staff.csrfToken, bodyMarkdown: 'What the council found this year.', ...fields });

  it('offers staff the published reports in the editor, and only those', async () => {
    const editor = await staff.agent.get('/admin/posts/new').expect(200);
    const select = /<select id="reportId" name="reportId"[^>]*>([\s\S]*?)<\/select>/.exec(editor.text)?.[1] ?? '';
    expect(select).toContain('<option value="">No report</option>');
    expect(select).toContain(`<option value="${reportId}">Accountabilities 2026</option>`);
    expect(select).not.toContain(draftSurveyId);
    expect(editor.text).toMatch(/<label for="reportId">/);
  });

  it('refuses an unknown or unpublished report with 422 naming the field, and saves nothing', async () => {
    const before = (await t.app.get(PostRepository).listByStatus(['draft', 'published'])).length;
    for (const id of ['0123456789abcdef01234567', draftSurveyId, 'not an id']) {
      const refused = await post({ title: `Refused ${id}`, reportId: id, action: 'save' });
      expect(refused.status).toBe(422);
      expect(refused.text).toContain('There is no published report with this id');
      // The field is named and linked, and what staff typed comes back.
      expect(refused.text).toMatch(/id="reportId"[^>]*aria-invalid="true"/);
      expect(refused.text).toContain('What the council found this year.');
    }
    // Guest authors have no such field: only staff attach reports.
    const guest = await signInAs(t, { membership: { tier: 'council', state: 'active', entitlements: ['guest_post'] } });
    const refused = await guest.agent
      .post('/portal/posts')
      .type('form')
      .set('Accept', 'text/html')
      .send({ _csrf: guest.csrfToken, title: 'Guest', bodyMarkdown: 'Text', reportId });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('There is no field named “reportId” here.');
    expect((await t.app.get(PostRepository).listByStatus(['draft', 'published'])).length).toBe(before);
  });

  it('attaches a published report; members see its card with the headline finding', async () => {
    const saved = await post({ title: 'Seven accountabilities', reportId, action: 'publish' }).expect(303);
    const id = /^\/admin\/posts\/([0-9a-f]{24})\/edit/.exec(saved.headers.location)?.[1];
    const stored = await t.app.get(PostRepository).findById(id!);
    expect(stored).toMatchObject({ reportId, status: 'published' });
    slug = stored!.slug;
    const editor = await staff.agent.get(`/admin/posts/${id}/edit`).expect(200);
    expect(editor.text).toContain(`<option value="${reportId}" selected>Accountabilities 2026</option>`);

    const member = await signInAs(t, { membership: COUNCIL });
    const page = await member.agent.get(`/blog/${slug}`).expect(200);
    const card = cardOf(page.text);
    expect(card).toContain(`<a href="/reports/${reportId}">Accountabilities 2026</a>`);
    expect(card).toContain(HEADLINE);
    expect(card).toContain('6 members answered');
    expect(card).toContain('Read the report');
    expect(card).not.toContain('The full report is for members');
  });

  it('shows a visitor the headline, as the home page does, and the way to join; not the figures', async () => {
    const page = await request(t.app.getHttpServer()).get(`/blog/${slug}`).set('Accept', 'text/html').expect(200);
    const card = cardOf(page.text);
    // The title is not a link a visitor could follow into a sign-in wall: the card is the summary, with the way in.
    expect(card).toContain('<h2 id="report-card-title">Accountabilities 2026</h2>');
    expect(card).not.toContain(`<a href="/reports/${reportId}">`);
    expect(card).toContain(HEADLINE);
    expect(card).toContain('The full report is for members whose tier includes the council’s research.');
    expect(card).toContain('<a href="/join">Become a member</a>');
    expect(page.text).not.toContain('members answered');
    expect(page.text).not.toContain('Read the report');
    await request(t.app.getHttpServer()).get(`/reports/${reportId}`).expect(401);
    const home = await request(t.app.getHttpServer()).get('/').expect(200);
    expect(home.text).toContain(HEADLINE);
    expect(home.text).not.toContain('members answered');
  });

  it('shows a member whose tier has no reports the headline and the tiers, as the home page does', async () => {
    const associate = await signInAs(t, {
      membership: { tier: 'associate', state: 'active', entitlements: ['members_posts', 'comment'] },
    });
    for (const path of [`/blog/${slug}`, '/']) {
      const page = await associate.agent.get(path).expect(200);
      expect(page.text).toContain(HEADLINE);
      expect(page.text).toContain('<a href="/membership">See the tiers</a>');
      expect(page.text).not.toContain('members answered');
    }
    await associate.agent.get(`/reports/${reportId}`).set('Accept', 'text/html').expect(403);
  });

  it('drops the card when the report is unpublished', async () => {
    await staff.agent
      .post(`/admin/reports/${reportId}/unpublish`)
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' })
      .expect(303);
    const page = await request(t.app.getHttpServer()).get(`/blog/${slug}`).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('Seven accountabilities');
    expect(page.text).not.toContain('report-card');
  });
});
