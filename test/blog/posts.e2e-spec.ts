import request from 'supertest';
import { formatDateTime, PageCache } from '@roundtable/core';
import { createTestApp, TestApp } from '../support/create-test-app';
import { deliverAndRead } from '../support/mailbox';
import { changePost } from '../support/posts';
import { signInAs, SignedIn } from '../support/sessions';

const ACTIVE = (tier: string, entitlements: string[]) => ({ tier, state: 'active', entitlements });
const COUNCIL = ACTIVE('council', ['members_posts', 'comment', 'guest_post', 'take_surveys', 'see_reports']);

/** Posts a post form as `who` to `path`, returning the response. */
function submitPost(who: SignedIn, path: string, fields: Record<string, string>) {
  return who.agent
    .post(path)
    .type('form')
    .send({ _csrf: who.csrfToken, ...fields });
}

function idFrom(location: string): string {
  return /\/posts\/([a-f0-9]{24})/.exec(location)![1];
}

describe('Blog posts', () => {
  let t: TestApp;
  let staff: SignedIn;
  const visitor = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signInAs(t, { role: 'staff', name: 'Sam Staff' });
  });
  afterAll(() => t.close());

  it('goes from draft to review to published, and only then appears to readers', async () => {
    const created = await submitPost(staff, '/admin/posts', {
      title: 'Metrics that matter',
      bodyMarkdown: 'Measure **retention**.',
      tags: 'Metrics, CX',
      action: 'save',
    }).expect(303);
    const id = idFrom(created.headers.location);
    await visitor().get('/blog/metrics-that-matter').expect(404);

    await submitPost(staff, `/admin/posts/${id}`, {
      title: 'Metrics that matter',
      bodyMarkdown: 'Measure **retention**.',
      tags: 'Metrics, CX',
      action: 'submit',
    }).expect(303);
    const desk = await staff.agent.get('/admin/posts').expect(200);
    expect(desk.text).toMatch(/Waiting for review[\s\S]*Metrics that matter[\s\S]*All posts/);
    await visitor().get('/blog/metrics-that-matter').expect(404);

    await submitPost(staff, `/admin/posts/${id}`, {
      title: 'Metrics that matter',
      bodyMarkdown: 'Measure **retention**.',
      tags: 'Metrics, CX',
      action: 'publish',
    }).expect(303);
    const page = await visitor().get('/blog/metrics-that-matter').expect(200);
    expect(page.text).toContain('<strong>retention</strong>');
    expect(page.text).toContain('<title>Metrics that matter · Roundtable</title>');
    expect(page.text).toContain('<link rel="canonical" href="http://127.0.0.1/blog/metrics-that-matter">');
    expect(page.text).toContain('<meta property="og:title" content="Metrics that matter">');
    expect(page.text).toContain('<meta name="description" content="Measure retention.">');
    const home = await visitor().get('/').expect(200);
    expect(home.text).toContain('Metrics that matter');
    expect((await visitor().get('/tags/metrics').expect(200)).text).toContain('Metrics that matter');
    expect((await visitor().get('/search?q=METRICS').expect(200)).text).toContain('Metrics that matter');
    expect((await visitor().get('/search?q=cx').expect(200)).text).toContain('Metrics that matter');
  });

  it('schedules a post for later and keeps it out of sight until then', async () => {
    const future = new Date(Date.now() + 3600_000).toISOString().slice(0, 16);
    await submitPost(staff, '/admin/posts', {
      title: 'Coming soon',
      bodyMarkdown: 'Later.',
      publishAt: future,
      action: 'publish',
    }).expect(303);
    await visitor().get('/blog/coming-soon').expect(404);
    expect((await visitor().get('/').expect(200)).text).not.toContain('Coming soon');
    expect((await visitor().get('/feed.xml').expect(200)).text).not.toContain('coming-soon');
    expect((await staff.agent.get('/admin/posts').expect(200)).text).toContain(
      `Coming soon</a></td><td>Scheduled for ${formatDateTime(`${future}Z`)}</td>`,
    );

    // Its time comes (moved into the past in the database, as the clock would): it appears, no job needed.
    // Visitors' cached pages expire by time (PAGE_CACHE_MAX_AGE_SECONDS, a minute), which the test
    // stands in for by expiring them now.
    await changePost(t, 'coming-soon', { publishedAt: new Date(Date.now() - 60_000) });
    await t.app.get(PageCache).invalidate();
    expect((await visitor().get('/blog/coming-soon').expect(200)).text).toContain('Later.');
    expect((await visitor().get('/').expect(200)).text).toContain('Coming soon');
    expect((await visitor().get('/feed.xml').expect(200)).text).toContain('/blog/coming-soon');
    expect((await staff.agent.get('/admin/posts').expect(200)).text).toContain(
      'Coming soon</a></td><td>Published</td>',
    );
  });

  it('shows the form again with the problems and the text as typed', async () => {
    const response = await submitPost(staff, '/admin/posts', {
      title: '',
      bodyMarkdown: 'Kept text',
      slug: 'Bad Slug!',
      coverImageUrl: 'javascript:alert(1)',
    }).expect(422);
    expect(response.text).toContain('Please give the post a title.');
    expect(response.text).toContain('Use lower-case letters, digits and hyphens only');
    expect(response.text).toContain('The cover image must be an http or https address.');
    expect(response.text).toContain('Kept text');
  });

  it('redirects an old slug to the new one after the slug changes', async () => {
    const created = await submitPost(staff, '/admin/posts', {
      title: 'Old name',
      bodyMarkdown: 'Body.',
      action: 'publish',
    }).expect(303);
    const id = idFrom(created.headers.location);
    await submitPost(staff, `/admin/posts/${id}`, {
      title: 'New name',
      slug: 'new-name',
      bodyMarkdown: 'Body.',
      action: 'save',
    }).expect(303);
    const moved = await visitor().get('/blog/old-name').expect(301);
    expect(moved.headers.location).toBe('/blog/new-name');
    await visitor().get('/blog/new-name').expect(200);
    const clash = await submitPost(staff, '/admin/posts', {
      title: 'Clash',
      slug: 'old-name',
      bodyMarkdown: 'x',
    }).expect(422);
    expect(clash.text).toContain('Another post already uses the address “old-name”');
  });

  it('runs the guest post loop: submit, return with a note by email, revise, publish', async () => {
    const author = await signInAs(t, { role: 'member', name: 'Gia Guest', membership: COUNCIL });
    const created = await submitPost(author, '/portal/posts', {
      title: 'What I learned',
      bodyMarkdown: 'First draft.',
      action: 'submit',
    }).expect(303);
    expect(created.headers.location).toBe('/portal/posts');
    const mine = await author.agent.get('/portal/posts').expect(200);
    expect(mine.text).toContain('In review');
    const id = /\/admin\/posts\/([a-f0-9]{24})\/edit">What I learned/.exec(
      (await staff.agent.get('/admin/posts')).text,
    )![1];

    // While in review the author cannot change it.
    await submitPost(author, `/portal/posts/${id}`, { title: 'Sneaky', bodyMarkdown: 'x' }).expect(409);

    await staff.agent
      .post(`/admin/posts/${id}/return`)
      .type('form')
      .send({ _csrf: staff.csrfToken, note: 'Please add an example.' })
      .expect(303);
    const mail = await deliverAndRead(t, author.member.email, /needs a few changes/);
    expect(mail.text).toContain('Please add an example.');
    expect(mail.text).toContain(`/portal/posts/${id}/edit`);

    const form = await author.agent.get(`/portal/posts/${id}/edit`).expect(200);
    expect(form.text).toContain('Note from our staff: Please add an example.');
    await submitPost(author, `/portal/posts/${id}`, {
      title: 'What I learned',
      bodyMarkdown: 'Second draft, with an example.',
      action: 'submit',
    }).expect(303);
    await submitPost(staff, `/admin/posts/${id}`, {
      title: 'What I learned',
      bodyMarkdown: 'Second draft, with an example.',
      action: 'publish',
    }).expect(303);
    const published = await deliverAndRead(t, author.member.email, /“What I learned” is published/);
    expect(published.text).toContain('http://127.0.0.1/blog/what-i-learned');
    const page = await visitor().get('/blog/what-i-learned').expect(200);
    expect(page.text).toContain('Member guest blog');
    expect(page.text).toContain('Gia Guest');

    const without = await signInAs(t, {
      role: 'member',
      membership: ACTIVE('associate', ['members_posts', 'comment']),
    });
    await without.agent.get('/portal/posts/new').expect(403);
  });

  it('shows members-only and tier posts only to those entitled, and the excerpt and an invitation to others', async () => {
    await submitPost(staff, '/admin/posts', {
      title: 'Members playbook',
      bodyMarkdown: 'The secret sauce.',
      excerpt: 'A playbook for members.',
      visibility: 'members',
      action: 'publish',
    }).expect(303);
    await submitPost(staff, '/admin/posts', {
      title: 'Executive briefing',
      bodyMarkdown: 'Board-level detail.',
      excerpt: 'For the executive circle.',
      visibility: 'tiers',
      tiers: 'executive',
      action: 'publish',
    }).expect(303);

    const anonymous = await visitor().get('/blog/members-playbook').expect(200);
    expect(anonymous.text).toContain('A playbook for members.');
    expect(anonymous.text).not.toContain('The secret sauce.');
    expect(anonymous.text).toContain('href="/join"');

    const associate = await signInAs(t, {
      role: 'member',
      membership: ACTIVE('associate', ['members_posts', 'comment']),
    });
    expect((await associate.agent.get('/blog/members-playbook')).text).toContain('The secret sauce.');
    expect((await associate.agent.get('/blog/executive-briefing')).text).not.toContain('Board-level detail.');
    const executive = await signInAs(t, { role: 'member', membership: ACTIVE('executive', ['members_posts']) });
    expect((await executive.agent.get('/blog/executive-briefing')).text).toContain('Board-level detail.');
    const lapsed = await signInAs(t, {
      role: 'member',
      membership: { tier: 'executive', state: 'lapsed', entitlements: [] },
    });
    expect((await lapsed.agent.get('/blog/executive-briefing')).text).not.toContain('Board-level detail.');
  });

  it('puts exactly the public published posts in the feed and the sitemap', async () => {
    // Beside the posts above (public, members-only, tier-only, one rename): a draft and one in review.
    await submitPost(staff, '/admin/posts', { title: 'Unfinished', bodyMarkdown: 'x', action: 'save' }).expect(303);
    await submitPost(staff, '/admin/posts', { title: 'Awaiting', bodyMarkdown: 'x', action: 'submit' }).expect(303);
    const feed = await visitor().get('/feed.xml').expect(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    const sitemap = await visitor().get('/sitemap.xml').expect(200);
    const feedSlugs = [...feed.text.matchAll(/<id>http:\/\/127\.0\.0\.1\/blog\/([^<]+)<\/id>/g)]
      .map((m) => m[1])
      .sort();
    const sitemapSlugs = [...sitemap.text.matchAll(/<loc>http:\/\/127\.0\.0\.1\/blog\/([^<]+)<\/loc>/g)]
      .map((m) => m[1])
      .sort();
    const expected = ['coming-soon', 'metrics-that-matter', 'new-name', 'what-i-learned'];
    expect(feedSlugs).toEqual(expected);
    expect(sitemapSlugs).toEqual(expected);
    const robots = await visitor().get('/robots.txt').expect(200);
    expect(robots.text).toContain('Sitemap: http://127.0.0.1/sitemap.xml');
  });
});
