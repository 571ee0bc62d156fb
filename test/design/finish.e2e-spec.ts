import request from 'supertest';
import { ReportingWorkerModule } from '@roundtable/reporting';
import { applyAs } from '../support/applications';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { reportFor } from '../reporting/report-fixtures';
import { PostRepository, seedDemoPosts } from '@roundtable/blog';
import { csrfFrom } from '../support/forms';
import { openSurvey } from '../surveys/survey-fixtures';
import { signInAs, type SignedIn } from '../support/sessions';

/** The finish of the design pass: the 404 page in the site's words and style, and counts that read right. */
describe('Finish', () => {
  let t: TestApp;
  let staff: SignedIn;

  beforeAll(async () => {
    t = await createTestApp({ imports: [ReportingWorkerModule] });
    staff = await signInAs(t, { role: 'staff' });
  });
  afterAll(() => t.close());

  it("answers an unknown address with the site's own 404 page, not the framework's words", async () => {
    const page = await request(t.app.getHttpServer()).get('/no-such-page').set('Accept', 'text/html').expect(404);
    expect(page.text).toContain('<h1>Page not found</h1>');
    expect(page.text).toContain('There is no page at this address.');
    expect(page.text).not.toContain('Cannot GET');
    expect(page.text).toContain('class="site-header"');
    expect(page.text).toContain('href="/join">How to join the council</a>');
  });

  it("leads a visitor from the home page's research card to its summary and the way to join, not to a sign-in wall", async () => {
    const surveyId = await reportFor(t, staff, 'Research for the home page');
    const home = (await request(t.app.getHttpServer()).get('/').expect(200)).text;
    expect(home).toContain('Research for the home page <span class="tag">For members</span>');
    expect(home).not.toContain(`<a href="/reports/${surveyId}">`);
    expect(home).toContain('href="/join">Become a member</a>');
    expect((await staff.agent.get('/').expect(200)).text).toContain(
      `<a href="/reports/${surveyId}">Research for the home page</a>`,
    );
  });

  it("changes the staff home's count of waiting applications on the next view after one arrives, singular at one and plural at zero and two", async () => {
    const shown = async () =>
      /<strong>\d+<\/strong> applications? waiting/.exec((await staff.agent.get('/admin').expect(200)).text)?.[0];
    expect(await shown()).toBe('<strong>0</strong> applications waiting');
    for (const [name, expected] of [
      ['Pat One', '<strong>1</strong> application waiting'],
      ['Sam Two', '<strong>2</strong> applications waiting'],
    ]) {
      await applyAs(t, name);
      expect(await shown()).toBe(expected);
    }
  });

  it("changes the staff home's comments to moderate and surveys open on the next view", async () => {
    const home = async () => {
      const page = (await staff.agent.get('/admin').expect(200)).text;
      const count = (id: string) => new RegExp(`id="${id}"><strong>(\\d+)</strong>`).exec(page)?.[1];
      return { comments: count('comments-waiting'), surveys: count('surveys-open') };
    };
    const before = await home();
    await openSurvey(t);
    expect(await home()).toEqual({ ...before, surveys: String(Number(before.surveys) + 1) });

    await seedDemoPosts(t.app.get(PostRepository), { id: String(staff.member._id), name: 'Sam Staff' });
    const [post] = await t.app.get(PostRepository).listPublished(new Date(), { limit: 1 });
    await staff.agent
      .post('/admin/comments/settings')
      .type('form')
      .send({ _csrf: staff.csrfToken, guestComments: 'on' })
      .expect(303);
    const guest = request.agent(t.app.getHttpServer());
    const open = await guest.get(`/blog/${post.slug}`).expect(200);
    await guest
      .post(`/blog/${post.slug}/comments`)
      .type('form')
      .send({ _csrf: csrfFrom(open.text), name: 'Gus Guest', email: 'gus@example.test', body: 'A first question.' })
      .expect(303);
    expect(await home()).toEqual({
      comments: String(Number(before.comments) + 1),
      surveys: String(Number(before.surveys) + 1),
    });
  });
});
