import { Injectable } from '@nestjs/common';
import request from 'supertest';
import { seedDefaultTiers, TierRepository } from '@roundtable/billing';
import { LATEST_RESEARCH, type LatestResearchSource } from '@roundtable/site';
import { createTestApp, TestApp } from '../support/create-test-app';
import { SignedIn, signInAs } from '../support/sessions';

describe('The public site', () => {
  let t: TestApp;
  let staff: SignedIn;
  const visitor = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp();
    await seedDefaultTiers(t.app.get(TierRepository));
    // An Executive Circle sold annually too, so the join page shows both prices of one tier.
    await t.app.get(TierRepository).create({
      name: 'Executive Circle',
      slug: 'executive-annual',
      description: 'Everything in Council Member, plus your answers benchmarked against your peers’.',
      priceCents: 500000,
      currency: 'usd',
      interval: 'year',
      stripePriceId: 'price_roundtable_executive_annual',
      entitlements: ['members_posts', 'comment', 'take_surveys', 'see_reports', 'guest_post', 'peer_benchmark'],
      offered: true,
    });
    staff = await signInAs(t, { role: 'staff', name: 'Sam Staff' });
  });
  afterAll(() => t.close());

  it('leads the home page with the pitch, shows no research block before any is published, then the blog', async () => {
    const home = await visitor().get('/').expect(200);
    expect(home.text).toContain('<h1>The council of Chief Customer Officers</h1>');
    expect(home.text).toContain('href="/join">Become a member</a>');
    expect(home.text).not.toContain('Latest research');
    expect(home.text).toContain('From the council');
    expect(home.text).toContain('<meta property="og:image" content="http://127.0.0.1/brand/share.png">');
    expect(home.text).toContain('<meta name="twitter:card" content="summary_large_image">');
  });

  it('shows each tier with its price and benefits, monthly and annual where both exist, and the ways in', async () => {
    const join = await visitor().get('/join').expect(200);
    expect(join.text).toContain('What members get');
    expect(join.text).toContain('<h3>Associate</h3>');
    expect(join.text).toContain('<strong>$600.00</strong> a year');
    expect(join.text).toContain('<strong>$2,400.00</strong> a year');
    expect(join.text).toMatch(/<strong>\$500\.00<\/strong> a month or <strong>\$5,000\.00<\/strong> a year/);
    expect(join.text.match(/<h3>Executive Circle<\/h3>/g)).toHaveLength(1);
    expect(join.text).toContain('Your answers benchmarked against peers');
    expect(join.text).toContain('Join your peers and share your insight — become a member');
    expect(join.text).toContain('href="/auth/linkedin?returnTo=%2Fapply"');
    expect(join.text).toMatch(/Already a member\? <a href="\/sign-in">Sign in<\/a>/);
  });

  it('lets staff add, order and hide members’ quotes on the join page', async () => {
    const add = (quote: string, name: string) =>
      staff.agent
        .post('/admin/site/quotes')
        .type('form')
        .send({ _csrf: staff.csrfToken, quote, name, title: 'CCO', company: `${name} Co`, linkedinUrl: '' })
        .expect(303);
    await add('The best hour of my month.', 'Avery First');
    await add('I stole three ideas in one meeting.', 'Blake Second');
    await add('Peers who get it.', 'Casey Third');
    const refused = await staff.agent
      .post('/admin/site/quotes')
      .type('form')
      .send({ _csrf: staff.csrfToken, quote: '', name: 'N', linkedinUrl: 'http://evil.example/' })
      .expect(422);
    expect(refused.text).toContain('Please enter the quote.');
    expect(refused.text).toContain('aria-describedby="linkedinUrl-error"');

    const admin = await staff.agent.get('/admin/site/quotes').expect(200);
    const ids = [...admin.text.matchAll(/action="\/admin\/site\/quotes\/([a-f0-9]{24})\/delete"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(3);
    const act = (id: string, action: string) =>
      staff.agent.post(`/admin/site/quotes/${id}/${action}`).type('form').send({ _csrf: staff.csrfToken }).expect(303);
    await act(ids[2], 'up'); // Casey above Blake
    await act(ids[0], 'hide'); // Avery hidden
    const join = await visitor().get('/join').expect(200);
    expect(join.text).not.toContain('Avery First');
    expect(join.text.indexOf('Casey Third')).toBeGreaterThan(0);
    expect(join.text.indexOf('Casey Third')).toBeLessThan(join.text.indexOf('Blake Second'));
    await act(ids[0], 'show');
    expect((await visitor().get('/join').expect(200)).text).toContain('Avery First');
    await staff.agent
      .post(`/admin/site/quotes/${ids[0]}/explode`)
      .type('form')
      .send({ _csrf: staff.csrfToken })
      .expect(400);

    const member = await signInAs(t, { role: 'member' });
    await member.agent.get('/admin/site/quotes').set('Accept', 'text/html').expect(403);
  });

  it('serves About, Privacy and Contact, edited by staff in sanitised Markdown, with a footer linking them', async () => {
    const privacy = await visitor().get('/privacy').expect(200);
    expect(privacy.text).toContain('Downloading your data');
    expect(privacy.text).toContain('<nav aria-label="About the council" class="footer-links">');
    for (const path of ['/about', '/privacy', '/contact']) {
      expect(privacy.text).toContain(`href="${path}"`);
    }
    await staff.agent
      .post('/admin/site/pages/contact')
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        title: 'Write to us',
        bodyMarkdown: 'Write to **the council desk**.<script>alert(1)</script>',
      })
      .expect(303)
      .expect('Location', '/contact');
    const contact = await visitor().get('/contact').expect(200);
    expect(contact.text).toContain('<h1>Write to us</h1>');
    expect(contact.text).toContain('<strong>the council desk</strong>');
    expect(contact.text).not.toContain('<script>alert(1)');

    const empty = await staff.agent
      .post('/admin/site/pages/about')
      .type('form')
      .send({ _csrf: staff.csrfToken, title: '', bodyMarkdown: '' })
      .expect(422);
    expect(empty.text).toContain('Please give the page a title.');
    await staff.agent.get('/admin/site/pages/elsewhere').set('Accept', 'text/html').expect(404);
    await visitor().get('/admin/site/pages/about').set('Accept', 'text/html').expect(303);
    const member = await signInAs(t, { role: 'member' });
    const edit = '<a href="/admin/site/pages/contact">Edit this page</a>';
    expect((await staff.agent.get('/contact').expect(200)).text).toContain(edit);
    expect((await member.agent.get('/contact').expect(200)).text).not.toContain(edit);
    expect(contact.text).not.toContain(edit);
    await member.agent
      .post('/admin/site/pages/about')
      .type('form')
      .send({ _csrf: member.csrfToken, title: 'Hacked', bodyMarkdown: 'x' })
      .expect(403);
  });

  it('serves the wordmark, favicon and share image as static files a browser may keep a day', async () => {
    const favicon = await visitor().get('/favicon.ico').expect(200);
    expect(favicon.headers['content-type']).toBe('image/x-icon');
    expect((favicon.body as Buffer).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    expect(favicon.headers['cache-control']).toBe('public, max-age=86400');
    const logo = await visitor().get('/brand/logo.svg').expect(200);
    expect(logo.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(logo.headers['cache-control']).toBe('public, max-age=86400');
    expect(logo.headers['last-modified']).toBeTruthy();
    await visitor().get('/brand/logo.svg').set('If-None-Match', String(logo.headers.etag)).expect(304);
    await visitor().get('/brand/../site.module.ts').expect(404);
    const share = await visitor().get('/brand/share.png').expect(200);
    expect(share.headers['content-type']).toBe('image/png');
    const home = await visitor().get('/').expect(200);
    expect(home.text).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32">');
    expect(home.text).toContain('<img src="/brand/logo.svg" alt="" width="32" height="32">');
  });

  it('gives a public post a LinkedIn share link and share tags, and a members-only post no share link', async () => {
    await staff.agent
      .post('/admin/posts')
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        title: 'Share me',
        bodyMarkdown: 'Hello.',
        excerpt: 'A post to share.',
        visibility: 'public',
        action: 'publish',
      })
      .expect(303);
    await staff.agent
      .post('/admin/posts')
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        title: 'Members only',
        bodyMarkdown: 'Hi.',
        excerpt: 'Inside.',
        visibility: 'members',
        action: 'publish',
      })
      .expect(303);
    const post = await visitor().get('/blog/share-me').expect(200);
    expect(post.text).toContain(
      'href="https://www.linkedin.com/sharing/share-offsite/?url=http%3A%2F%2F127.0.0.1%2Fblog%2Fshare-me"',
    );
    expect(post.text).toContain('<meta property="og:title" content="Share me">');
    expect(post.text).toContain('<meta property="og:type" content="article">');
    expect(post.text).toContain('<meta name="twitter:description" content="A post to share.">');
    expect(post.text).toContain('<meta property="og:image" content="http://127.0.0.1/brand/share.png">');
    expect(post.text).not.toContain('<script src=');
    const inside = await visitor().get('/blog/members-only').expect(200);
    expect(inside.text).not.toContain('linkedin.com/sharing');
    expect(inside.text).toContain('href="/join"');
  });
});

@Injectable()
class PublishedReportsStandIn implements LatestResearchSource {
  latest(limit: number) {
    return Promise.resolve(
      [
        {
          title: 'The seven common accountabilities of the CCO',
          summary: '60% of members answered; customer-centric tactics lead.',
          url: '/reports/accountabilities-2026',
          publishedAt: new Date('2026-10-01T00:00:00Z'),
          highlights: ['60% response rate'],
          readsReport: true,
        },
      ].slice(0, limit),
    );
  }
}

describe('The home page’s latest research', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ replace: [{ token: LATEST_RESEARCH, value: new PublishedReportsStandIn() }] });
  });
  afterAll(() => t.close());

  it('shows what a LATEST_RESEARCH provider returns, between the pitch and the blog', async () => {
    const home = await request(t.app.getHttpServer()).get('/').expect(200);
    const research = home.text.indexOf('<h2 id="latest-research-heading">Latest research</h2>');
    expect(research).toBeGreaterThan(home.text.indexOf('The council of Chief Customer Officers</h1>'));
    expect(research).toBeLessThan(home.text.indexOf('From the council'));
    expect(home.text).toContain(
      '<a href="/reports/accountabilities-2026">The seven common accountabilities of the CCO</a>',
    );
    expect(home.text).toContain('Published 1 October 2026');
    expect(home.text).toContain('<li>60% response rate</li>');
    // Older pages of the blog carry the blog only.
    const older = await request(t.app.getHttpServer())
      .get('/?before=2026-01-01T00:00:00.000Z_000000000000000000000000')
      .expect(200);
    expect(older.text).not.toContain('Latest research');
  });
});
