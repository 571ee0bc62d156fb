import request from 'supertest';
import { MemberRepository } from '@roundtable/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs, SignedIn } from '../support/sessions';

describe('Blog listing pages', () => {
  let t: TestApp;
  let staff: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signInAs(t, { role: 'staff', name: 'Lee Writer' });
    await t.app.get(MemberRepository).updateProfile(String(staff.member._id), 'Lee Writer', {
      title: 'Chief Customer Officer',
      company: 'Acme',
      revenueBand: '>$1B',
      businessModel: 'B2B',
      industry: 'Insurance',
      ccoModel: 'Generalist',
      reportsTo: 'CEO',
      boardMember: false,
      yearsInRole: 3,
      linkedinUrl: 'https://www.linkedin.com/in/lee-writer',
    });
    // Twelve posts a day apart, newest last; then posts 30 and 31 at the very minute of post 3.
    const times = new Map<number, string>();
    for (const i of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 30, 31]) {
      const publishAt =
        times.get(i === 30 || i === 31 ? 3 : i) ??
        new Date(Date.now() - (13 - i) * 86_400_000).toISOString().slice(0, 16);
      times.set(i, publishAt);
      await staff.agent
        .post('/admin/posts')
        .type('form')
        .send({
          _csrf: staff.csrfToken,
          title: `Post number ${i}`,
          bodyMarkdown: `Body ${i}.`,
          categories: i >= 30 ? 'twins' : i % 2 ? 'odd' : 'even',
          publishAt,
          action: 'publish',
        })
        .expect(303);
    }
  });
  afterAll(() => t.close());

  const titles = (html: string) => [...html.matchAll(/>Post number (\d+)</g)].map((m) => Number(m[1]));

  it('pages the home page by date, ten at a time, losing no post that shares a date across the page break', async () => {
    const first = await request(t.app.getHttpServer()).get('/').expect(200);
    // Same date: the later-created post first (ids break the tie).
    expect(titles(first.text)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 31]);
    const next = /href="(\/\?before=[^"]+)" rel="next"/.exec(first.text)![1].replace(/&amp;/g, '&');
    const second = await request(t.app.getHttpServer()).get(next).expect(200);
    expect(first.text).toContain('<link rel="canonical" href="http://127.0.0.1/">');
    expect(second.text).toContain(`<link rel="canonical" href="http://127.0.0.1${next.replace(/&/g, '&amp;')}">`);
    expect(titles(second.text)).toEqual([30, 3, 2, 1]);
    expect(second.text).not.toContain('rel="next"');
  });

  it('moves guessed addresses to the canonical ones, and keeps search results out of indexes', async () => {
    const server = t.app.getHttpServer();
    expect((await request(server).get('/blog').expect(301)).headers.location).toBe('/');
    expect((await request(server).get('/categories/Odd').expect(301)).headers.location).toBe('/categories/odd');
    expect((await request(server).get('/tags/Customer%20Success').expect(301)).headers.location).toBe(
      '/tags/customer-success',
    );
    const search = await request(server).get('/search?q=number').expect(200);
    expect(search.text).toContain('<meta name="robots" content="noindex">');
    expect(titles(search.text)).toHaveLength(14);
    const none = await request(server).get('/search?q=zebraquartz').expect(200);
    expect(none.text).toContain('No posts match “zebraquartz”');
    expect((await request(server).get('/').expect(200)).text).not.toContain('noindex');
  });

  it('lists a category, and an author with their LinkedIn profile', async () => {
    const odd = await request(t.app.getHttpServer()).get('/categories/odd').expect(200);
    expect(titles(odd.text)).toEqual([11, 9, 7, 5, 3, 1]);
    const author = await request(t.app.getHttpServer())
      .get(`/authors/${String(staff.member._id)}`)
      .expect(200);
    expect(author.text).toContain('Posts by Lee Writer');
    expect(author.text).toContain('href="https://www.linkedin.com/in/lee-writer"');
    expect(author.text).toContain('Chief Customer Officer at Acme');
    await request(t.app.getHttpServer())
      .get('/authors/000000000000000000000000')
      .set('Accept', 'text/html')
      .expect(404);
  });
});
