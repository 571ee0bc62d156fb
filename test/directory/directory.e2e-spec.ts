import request from 'supertest';
import { MemberRepository } from '@roundtable/members';
import { seedDefaultTiers, TierRepository } from '@roundtable/billing';
import { createTestApp, TestApp } from '../support/create-test-app';
import { profileForm } from '../support/forms';
import { SignedIn, signInAs } from '../support/sessions';

const ACTIVE = { tier: 'council', state: 'active', entitlements: ['members_posts', 'comment'] };

describe('The members’ directory', () => {
  let t: TestApp;
  let listed: SignedIn;
  let reader: SignedIn;

  /** A member with a full profile, as the application left it. */
  async function memberWithProfile(name: string, company: string, overrides: Record<string, string> = {}) {
    const signedIn = await signInAs(t, { role: 'member', name, membership: ACTIVE });
    await signedIn.agent
      .post('/portal/profile')
      .type('form')
      .send({ _csrf: signedIn.csrfToken, ...profileForm({ name, company, ...overrides }) })
      .expect(303);
    return signedIn;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await seedDefaultTiers(t.app.get(TierRepository));
    listed = await memberWithProfile('Avery Listed', 'Northwind Mutual', {
      industry: 'Insurance',
      revenueBand: '>$1B',
      ccoModel: 'Generalist',
      linkedinUrl: 'https://www.linkedin.com/in/avery-listed',
    });
    // Quinn never opts in.
    await memberWithProfile('Quinn Private', 'Hiddenco Holdings', { industry: 'Insurance' });
    reader = await memberWithProfile('Riley Reader', 'Readers Inc', { industry: 'Healthcare' });
  });
  afterAll(() => t.close());

  it('shows only opted-in members, and only the fields each chose', async () => {
    const choices = await listed.agent.get('/portal/directory').expect(200);
    expect(choices.text).toContain('Do not list me');
    await listed.agent
      .post('/portal/directory')
      .type('form')
      .send({ _csrf: listed.csrfToken, listed: 'yes', fields: ['name', 'company', 'industry', 'linkedinUrl'] })
      .expect(303)
      .expect('Location', '/portal/directory');
    expect((await listed.agent.get('/portal/directory').expect(200)).text).toContain(
      'Saved. Peers see you as shown below.',
    );

    const page = await reader.agent.get('/directory').expect(200);
    expect(page.text).toContain('Avery Listed');
    expect(page.text).toContain('Northwind Mutual');
    expect(page.text).toContain('Insurance');
    expect(page.text).toContain('href="https://www.linkedin.com/in/avery-listed"');
    // Fields Avery did not choose stay out, and so does everyone who did not opt in.
    expect(page.text).not.toContain('Chief Customer Officer');
    expect(page.text).not.toContain('&gt;$1B</dd>');
    expect(page.text).not.toContain('Generalist</dd>');
    expect(page.text).not.toContain('Quinn Private');
    expect(page.text).not.toContain('Hiddenco');
    expect(page.text).not.toContain('Riley Reader');
  });

  it('searches and filters on shown fields only, so a hidden value finds nobody', async () => {
    expect((await reader.agent.get('/directory?q=northwind').expect(200)).text).toContain('Avery Listed');
    expect((await reader.agent.get('/directory?industry=Insurance').expect(200)).text).toContain('Avery Listed');
    // Avery's revenue band is >$1B but hidden: filtering by it must not reveal Avery.
    const byRevenue = await reader.agent.get(`/directory?revenueBand=${encodeURIComponent('>$1B')}`).expect(200);
    expect(byRevenue.text).not.toContain('Avery Listed');
    expect(byRevenue.text).toContain('No member matches.');
    expect((await reader.agent.get('/directory?q=Chief').expect(200)).text).not.toContain('Avery Listed');
    // A link from elsewhere with unknown keys still works; a value that breaks its rule is named, not applied.
    const odd = await reader.agent.get('/directory?utm_source=mail&industry=Mining&q=northwind').expect(200);
    expect(odd.text).toContain('Avery Listed');
    expect(odd.text).toContain('That industry is not one of the choices, so any is shown.');
    expect(odd.text).not.toContain('utm_source');
  });

  it('lets staff see everyone with every field and who is listed', async () => {
    const staff = await signInAs(t, { role: 'staff', name: 'Sam Staff' });
    const page = await staff.agent.get('/directory').expect(200);
    for (const text of [
      'Avery Listed',
      'Quinn Private',
      'Hiddenco Holdings',
      'Riley Reader',
      'Chief Customer Officer',
    ]) {
      expect(page.text).toContain(text);
    }
    expect(page.text).toMatch(/Avery Listed <small class="muted">listed<\/small>/);
    expect(page.text).toMatch(/Quinn Private <small class="muted">not listed<\/small>/);
  });

  it('sends a visitor to sign in and keeps applicants out', async () => {
    const visitor = await request(t.app.getHttpServer()).get('/directory').set('Accept', 'text/html').expect(303);
    expect(visitor.headers.location).toBe('/sign-in?returnTo=%2Fdirectory');
    await request(t.app.getHttpServer()).get('/directory').set('Accept', 'application/json').expect(401);
    const applicant = await signInAs(t, { role: 'applicant' });
    await applicant.agent.get('/directory').set('Accept', 'text/html').expect(403);
    await applicant.agent.get('/portal/directory').set('Accept', 'text/html').expect(403);
  });

  it('takes a member out when they opt out or ask to be deleted', async () => {
    await reader.agent
      .post('/portal/directory')
      .type('form')
      .send({ _csrf: reader.csrfToken, listed: 'yes', fields: 'name' })
      .expect(303);
    expect((await listed.agent.get('/directory').expect(200)).text).toContain('Riley Reader');
    await reader.agent
      .post('/portal/directory')
      .type('form')
      .send({ _csrf: reader.csrfToken, listed: 'no', fields: 'name' })
      .expect(303);
    expect((await listed.agent.get('/directory').expect(200)).text).not.toContain('Riley Reader');

    await reader.agent
      .post('/portal/directory')
      .type('form')
      .send({ _csrf: reader.csrfToken, listed: 'yes', fields: 'name' })
      .expect(303);
    await t.app.get(MemberRepository).requestDeletion(String(reader.member._id));
    expect((await listed.agent.get('/directory').expect(200)).text).not.toContain('Riley Reader');
  });

  it('lists and admits only members whose membership grants its benefits now', async () => {
    const morgan = await memberWithProfile('Morgan Lapsing', 'Lapseco', { industry: 'Insurance' });
    await morgan.agent
      .post('/portal/directory')
      .type('form')
      .send({ _csrf: morgan.csrfToken, listed: 'yes', fields: ['name', 'company'] })
      .expect(303);
    expect((await listed.agent.get('/directory').expect(200)).text).toContain('Morgan Lapsing');

    await t.app
      .get(MemberRepository)
      .setMembership(String(morgan.member._id), { tier: 'council', state: 'lapsed', entitlements: [] });
    const page = await listed.agent.get('/directory').expect(200);
    expect(page.text).not.toContain('Morgan Lapsing');
    expect(page.text).not.toContain('Lapseco');
    // Morgan is shown the way back, and may still change or withdraw their own listing.
    const refused = await morgan.agent.get('/directory').set('Accept', 'text/html').expect(403);
    expect(refused.text).toContain('The directory is for members whose membership is current.');
    expect(refused.text).toContain('<a class="button" href="/membership">');
    await morgan.agent.get('/portal/directory').expect(200);
    const never = await signInAs(t, { role: 'member', name: 'Never Paid' });
    await never.agent.get('/directory').set('Accept', 'text/html').expect(403);
  });

  it('shows a member who did not opt in on no page outside the directory', async () => {
    const staff = await signInAs(t, { role: 'staff', name: 'Sam Staff' });
    await staff.agent
      .post('/admin/posts')
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        title: 'Council news',
        bodyMarkdown: 'News.',
        excerpt: 'News.',
        visibility: 'public',
        action: 'publish',
      })
      .expect(303);
    const pages = [
      '/',
      '/blog/council-news',
      '/join',
      '/about',
      '/privacy',
      '/contact',
      '/membership',
      '/resources',
      '/search?q=quinn',
      '/search?q=hiddenco',
      '/feed.xml',
      '/sitemap.xml',
      '/directory',
    ];
    const visitor = request.agent(t.app.getHttpServer());
    for (const [who, agent] of [
      ['a visitor', visitor],
      ['a member', listed.agent],
    ] as const) {
      for (const path of pages) {
        const res = await agent.get(path).set('Accept', 'text/html');
        expect({ who, path, shows: /Quinn Private|Hiddenco/.test(res.text) }).toEqual({ who, path, shows: false });
      }
    }
  });
});
