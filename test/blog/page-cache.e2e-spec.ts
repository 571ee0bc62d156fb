import request from 'supertest';
import { PostRepository } from '@roundtable/blog';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs, SignedIn } from '../support/sessions';

const MEMBER = { tier: 'associate', state: 'active', entitlements: ['members_posts', 'comment'] };

describe('Public page cache', () => {
  let t: TestApp;
  let other: TestApp;
  let staff: SignedIn;

  const publish = (title: string) =>
    staff.agent
      .post('/admin/posts')
      .type('form')
      .send({ _csrf: staff.csrfToken, title, bodyMarkdown: `About ${title}.`, action: 'publish' })
      .expect(303);

  beforeAll(async () => {
    // Every request reads the shared version, so another process's write shows on the next request.
    t = await createTestApp({ env: { PAGE_CACHE_CHECK_MS: '0' } });
    staff = await signInAs(t, { role: 'staff', name: 'Cache Staff' });
    await publish('First cached post');
    // A second API process on the same database, as behind a load balancer.
    other = await createTestApp({
      env: { MONGODB_URI: `${process.env.TEST_MONGODB_URI}${t.databaseName}`, PAGE_CACHE_CHECK_MS: '0' },
    });
  });
  afterAll(async () => {
    await other.app.close();
    await t.close();
  });

  it('serves a visitor the second view from memory with validators, and a 304 to a revalidation', async () => {
    const first = await request(t.app.getHttpServer()).get('/blog/first-cached-post').expect(200);
    const second = await request(t.app.getHttpServer()).get('/blog/first-cached-post').expect(200);
    expect(second.headers['x-page-cache']).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.text).toContain('About First cached post.');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['last-modified']).toBeDefined();
    expect(second.headers['cache-control']).toBe('public, max-age=0, s-maxage=60, must-revalidate');
    expect(second.headers.vary).toContain('Cookie');
    expect(second.headers['set-cookie']).toBeUndefined();
    // Helmet's headers are there on a cached answer too.
    expect(second.headers['content-security-policy']).toContain("script-src 'self'");

    await request(t.app.getHttpServer())
      .get('/blog/first-cached-post')
      .set('If-None-Match', String(first.headers.etag))
      .expect(304);
  });

  it('shows a new post and a new comment to visitors at once, in this process and in another', async () => {
    await request(t.app.getHttpServer()).get('/').expect(200);
    await request(other.app.getHttpServer()).get('/').expect(200);
    expect((await request(other.app.getHttpServer()).get('/').expect(200)).headers['x-page-cache']).toBe('hit');

    await publish('Second cached post');
    for (const app of [t, other]) {
      const home = await request(app.app.getHttpServer()).get('/').expect(200);
      expect(home.headers['x-page-cache']).toBe('miss');
      expect(home.text).toContain('Second cached post');
    }

    const commenter = await signInAs(t, { role: 'member', name: 'Cache Commenter', membership: MEMBER });
    await commenter.agent
      .post('/blog/second-cached-post/comments')
      .type('form')
      .send({ _csrf: commenter.csrfToken, body: 'Seen by visitors right away.' })
      .expect(303);
    const post = await request(other.app.getHttpServer()).get('/blog/second-cached-post').expect(200);
    expect(post.text).toContain('Seen by visitors right away.');
  });

  it('shows an edit made outside this process through a repository (the worker) on the next view', async () => {
    await request(t.app.getHttpServer()).get('/blog/first-cached-post').expect(200);
    const posts = other.app.get(PostRepository);
    const post = (await posts.findBySlug('first-cached-post'))!;
    await posts.update(String(post._id), { title: 'First cached post, retitled' });
    const page = await request(t.app.getHttpServer()).get('/blog/first-cached-post').expect(200);
    expect(page.text).toContain('First cached post, retitled');
  });

  it('never serves or stores the cached page for a request with a session: members see their own', async () => {
    await request(t.app.getHttpServer()).get('/').expect(200);
    const member = await signInAs(t, { role: 'member', name: 'Signed In Reader', membership: MEMBER });
    const page = await member.agent.get('/').expect(200);
    expect(page.headers['x-page-cache']).toBeUndefined();
    expect(page.headers['cache-control']).toBe('private, no-cache');
    expect(page.text).toContain('Sign out');
    const visitor = await request(t.app.getHttpServer()).get('/').expect(200);
    expect(visitor.headers['x-page-cache']).toBe('hit');
    expect(visitor.text).not.toContain('Sign out');
  });

  it('keeps pages that are not public out of the cache (sign-in starts a session for its form)', async () => {
    const signIn = await request(t.app.getHttpServer()).get('/sign-in').expect(200);
    expect(signIn.headers['x-page-cache']).toBeUndefined();
    const missing = await request(t.app.getHttpServer()).get('/blog/no-such-post').expect(404);
    expect(missing.headers['x-page-cache']).toBeUndefined();
  });
});
