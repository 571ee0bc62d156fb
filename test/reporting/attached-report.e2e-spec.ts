import request from 'supertest';
import { PostRepository } from '@roundtable/blog';
import { ReportingWorkerModule } from '@roundtable/reporting';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { signInAs, type SignedIn } from '../support/sessions';
import { REPORT_ITEMS, reportFor } from './report-fixtures';

/** The headline finding of the fixture's report, as the card prints it (the second and third items tie). */
const HEADLINE = `The 3 most common: ${REPORT_ITEMS[0]}; ${REPORT_ITEMS[1]} (=2); ${REPORT_ITEMS[2]} (=2).`;

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

    const member = await signInAs(t, { membership: { tier: 'council', state: 'active', entitlements: [] } });
    const page = await member.agent.get(`/blog/${slug}`).expect(200);
    const card = /<aside class="card report-card"[\s\S]*?<\/aside>/.exec(page.text)?.[0] ?? '';
    expect(card).toContain(`<a href="/reports/${reportId}">Accountabilities 2026</a>`);
    expect(card).toContain(HEADLINE);
    expect(card).toContain('6 members answered');
    expect(card).not.toContain('for members');
  });

  it('shows a visitor the card and a note that the findings are for members, not the findings', async () => {
    const page = await request(t.app.getHttpServer()).get(`/blog/${slug}`).set('Accept', 'text/html').expect(200);
    const card = /<aside class="card report-card"[\s\S]*?<\/aside>/.exec(page.text)?.[0] ?? '';
    expect(card).toContain(`<a href="/reports/${reportId}">Accountabilities 2026</a>`);
    expect(card).toContain('The findings are for members of the council.');
    expect(page.text).not.toContain('most common');
    expect(page.text).not.toContain('members answered');
    expect(page.text).not.toContain(REPORT_ITEMS[1]);
    await request(t.app.getHttpServer()).get(`/reports/${reportId}`).expect(401);
  });

  it('drops the card when the report is unpublished', async () => {
    await staff.agent
      .post(`/admin/reports/${reportId}/unpublish`)
      .type('form')
      .send({ _csrf: staff.csrfToken })
      .expect(303);
    const page = await request(t.app.getHttpServer()).get(`/blog/${slug}`).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('Seven accountabilities');
    expect(page.text).not.toContain('report-card');
  });
});
