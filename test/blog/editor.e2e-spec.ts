import request from 'supertest';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs, SignedIn } from '../support/sessions';

const GUEST_AUTHOR = { tier: 'council', state: 'active', entitlements: ['members_posts', 'comment', 'guest_post'] };

function submitPost(who: SignedIn, path: string, fields: Record<string, string>) {
  return who.agent
    .post(path)
    .type('form')
    .send({ _csrf: who.csrfToken, ...fields });
}

const idFrom = (location: string) => /\/posts\/([a-f0-9]{24})/.exec(location)![1];

/** A textarea's text as the page shows it (entities as written in the HTML). */
function textareaOf(html: string, name: string): string {
  return new RegExp(`<textarea id="${name}" name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)![1];
}

/** An input's value as the page shows it. */
function inputOf(html: string, name: string): string {
  return new RegExp(`<input id="${name}" name="${name}"[^>]* value="([^"]*)"`).exec(html)![1];
}

describe('The post editor', () => {
  let t: TestApp;
  let staff: SignedIn;
  const visitor = () => request(t.app.getHttpServer());
  const stored = (slug: string) => t.connection.collection('posts').findOne({ slug });

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signInAs(t, { role: 'staff', name: 'Sam Staff' });
  });
  afterAll(() => t.close());

  describe('preview', () => {
    it('shows a new post as readers will see it, above the form with the values kept, saving nothing', async () => {
      const form = await staff.agent.get('/admin/posts/new').expect(200);
      expect(form.text).toContain('formaction="/admin/posts/preview"');
      const page = await submitPost(staff, '/admin/posts/preview', {
        title: 'Not yet saved',
        bodyMarkdown: 'A **bold** claim.\n\n- one\n- two',
        tags: 'Drafts',
        categories: 'Notes',
        action: 'save',
      }).expect(200);
      const preview = /<article class="post[^"]*"[\s\S]*?<\/article>/.exec(page.text)![0];
      expect(preview).toContain('<h1>Not yet saved</h1>');
      expect(preview).toContain('A <strong>bold</strong> claim.');
      expect(preview).toContain('<li>two</li>');
      expect(preview).toContain('href="/categories/notes"');
      expect(preview).toContain('href="/tags/drafts"');
      expect(preview).toContain('Sam Staff');
      // The editor below keeps every value, and still saves to the new-post address.
      expect(page.text.indexOf('<article')).toBeLessThan(
        page.text.indexOf('<form method="post" action="/admin/posts"'),
      );
      expect(inputOf(page.text, 'title')).toBe('Not yet saved');
      expect(textareaOf(page.text, 'bodyMarkdown')).toBe('A **bold** claim.\n\n- one\n- two');
      expect(inputOf(page.text, 'tags')).toBe('Drafts');
      expect(await t.connection.collection('posts').countDocuments({ title: 'Not yet saved' })).toBe(0);
    });

    it('shows an edited post with the unsaved changes, leaving the stored post as it was', async () => {
      const created = await submitPost(staff, '/admin/posts', {
        title: 'Stored title',
        bodyMarkdown: 'Stored body.',
        action: 'publish',
      }).expect(303);
      const id = idFrom(created.headers.location);
      const form = await staff.agent.get(`/admin/posts/${id}/edit`).expect(200);
      expect(form.text).toContain(`formaction="/admin/posts/${id}/preview"`);
      const page = await submitPost(staff, `/admin/posts/${id}/preview`, {
        title: 'Changed title',
        bodyMarkdown: 'Changed _body_.',
      }).expect(200);
      expect(page.text).toContain('Changed <em>body</em>.');
      expect(page.text).toContain(`<form method="post" action="/admin/posts/${id}"`);
      expect(inputOf(page.text, 'title')).toBe('Changed title');
      expect((await stored('stored-title'))?.bodyMarkdown).toBe('Stored body.');
      expect((await visitor().get('/blog/stored-title').expect(200)).text).not.toContain('Changed');
    });

    it('shows the form again with 422 and the problem named when the preview cannot be made', async () => {
      const page = await submitPost(staff, '/admin/posts/preview', { title: '', bodyMarkdown: 'Kept.' }).expect(422);
      expect(page.text).toContain('<a href="#title">Please give the post a title.</a>');
      expect(textareaOf(page.text, 'bodyMarkdown')).toBe('Kept.');
      expect(page.text).not.toContain('<article');
    });

    it('lets a guest author preview their post too', async () => {
      const author = await signInAs(t, { role: 'member', name: 'Gia Guest', membership: GUEST_AUTHOR });
      expect((await author.agent.get('/portal/posts/new').expect(200)).text).toContain(
        'formaction="/portal/posts/preview"',
      );
      const page = await submitPost(author, '/portal/posts/preview', {
        title: 'My guest draft',
        bodyMarkdown: 'Guest *words*.',
      }).expect(200);
      expect(page.text).toContain('Guest <em>words</em>.');
      expect(page.text).toContain('Member guest blog');
      expect(await t.connection.collection('posts').countDocuments({ title: 'My guest draft' })).toBe(0);
    });
  });

  describe('the excerpt', () => {
    it('follows the body while staff leave it as the editor wrote it', async () => {
      const created = await submitPost(staff, '/admin/posts', {
        title: 'Following excerpt',
        bodyMarkdown: 'The first version of the opening.',
        action: 'save',
      }).expect(303);
      const id = idFrom(created.headers.location);
      expect((await stored('following-excerpt'))?.excerpt).toBe('The first version of the opening.');

      // Saved again as the editor shows it, with only the body changed.
      const form = await staff.agent.get(`/admin/posts/${id}/edit`).expect(200);
      await submitPost(staff, `/admin/posts/${id}`, {
        title: 'Following excerpt',
        bodyMarkdown: 'A rewritten opening.',
        excerpt: textareaOf(form.text, 'excerpt'),
        action: 'save',
      }).expect(303);
      expect((await stored('following-excerpt'))?.excerpt).toBe('A rewritten opening.');
    });

    it('stays as staff wrote it once they edit it, and follows the body again when emptied', async () => {
      const created = await submitPost(staff, '/admin/posts', {
        title: 'Hand excerpt',
        bodyMarkdown: 'Opening.',
        action: 'save',
      }).expect(303);
      const id = idFrom(created.headers.location);
      await submitPost(staff, `/admin/posts/${id}`, {
        title: 'Hand excerpt',
        bodyMarkdown: 'Opening.',
        excerpt: 'Written by hand.',
        action: 'save',
      }).expect(303);
      const form = await staff.agent.get(`/admin/posts/${id}/edit`).expect(200);
      expect(textareaOf(form.text, 'excerpt')).toBe('Written by hand.');
      await submitPost(staff, `/admin/posts/${id}`, {
        title: 'Hand excerpt',
        bodyMarkdown: 'A new opening.',
        excerpt: textareaOf(form.text, 'excerpt'),
        action: 'save',
      }).expect(303);
      expect((await stored('hand-excerpt'))?.excerpt).toBe('Written by hand.');
      await submitPost(staff, `/admin/posts/${id}`, {
        title: 'Hand excerpt',
        bodyMarkdown: 'Another opening.',
        excerpt: '',
        action: 'save',
      }).expect(303);
      expect((await stored('hand-excerpt'))?.excerpt).toBe('Another opening.');
    });
  });

  it('publishes a scheduled post now when "publish at" is cleared and Publish pressed', async () => {
    const future = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 16);
    const created = await submitPost(staff, '/admin/posts', {
      title: 'Brought forward',
      bodyMarkdown: 'Sooner than planned.',
      publishAt: future,
      action: 'publish',
    }).expect(303);
    const id = idFrom(created.headers.location);
    expect((await stored('brought-forward'))?.status).toBe('scheduled');
    await visitor().get('/blog/brought-forward').expect(404);

    const form = await staff.agent.get(`/admin/posts/${id}/edit`).expect(200);
    expect(inputOf(form.text, 'publishAt')).toBe(future);
    const before = Date.now();
    await submitPost(staff, `/admin/posts/${id}`, {
      title: 'Brought forward',
      bodyMarkdown: 'Sooner than planned.',
      publishAt: '',
      action: 'publish',
    }).expect(303);
    const post = await stored('brought-forward');
    expect(post?.status).toBe('published');
    expect((post?.publishedAt as Date).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((post?.publishedAt as Date).getTime()).toBeLessThanOrEqual(Date.now());
    await visitor().get('/blog/brought-forward').expect(200);
  });

  it('keeps a published post’s date when it is published again with the time cleared', async () => {
    const created = await submitPost(staff, '/admin/posts', {
      title: 'Long published',
      bodyMarkdown: 'Old news.',
      publishAt: '2025-03-01T08:00',
      action: 'publish',
    }).expect(303);
    const id = idFrom(created.headers.location);
    await submitPost(staff, `/admin/posts/${id}`, {
      title: 'Long published',
      bodyMarkdown: 'Old news, corrected.',
      publishAt: '',
      action: 'publish',
    }).expect(303);
    expect(((await stored('long-published'))?.publishedAt as Date).toISOString()).toBe('2025-03-01T08:00:00.000Z');
  });
});
