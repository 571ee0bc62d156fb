import request from 'supertest';
import { TierRepository } from '@roundtable/billing';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

/** The links of the site navigation in a page (the header's <nav>), in order. */
function navigationLinks(html: string): string[] {
  const nav = /<nav>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/(?:href|action)="([^"]+)"/g)].map((match) => match[1]);
}

describe('Member portal', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(TierRepository).seedDefaults();
  });
  afterAll(() => t.close());

  it("shows the tier's name, and links guest posting for a member entitled to it", async () => {
    const member = await signInAs(t, {
      role: 'member',
      membership: { tier: 'council', state: 'active', entitlements: ['comment', 'guest_post'] },
    });
    const page = await member.agent.get('/portal').expect(200);
    expect(page.text).toContain('Tier: <strong>Council Member</strong>');
    expect(page.text).not.toContain('<strong>council</strong>');
    expect(page.text).toContain('<a href="/portal/posts">');
    await member.agent.get('/portal/posts').expect(200);
  });

  it('offers no guest posting to a member whose tier does not grant it', async () => {
    const member = await signInAs(t, {
      role: 'member',
      membership: { tier: 'associate', state: 'active', entitlements: ['comment'] },
    });
    const page = await member.agent.get('/portal').expect(200);
    expect(page.text).toContain('Tier: <strong>Associate</strong>');
    expect(page.text).not.toContain('href="/portal/posts"');
  });

  it("gives an applicant's navigation only what an applicant can use, each link answering them", async () => {
    const applicant = await signInAs(t, { role: 'applicant' });
    const page = await applicant.agent.get('/portal').expect(200);
    const links = navigationLinks(page.text);
    expect(links).toEqual(expect.arrayContaining(['/apply', '/portal', '/sign-out']));
    for (const staffOrMemberOnly of ['/admin', '/membership', '/directory', '/reports', '/portal/surveys', '/join']) {
      expect(links).not.toContain(staffOrMemberOnly);
    }
    for (const href of links.filter((link) => link !== '/sign-out')) {
      const response = await applicant.agent.get(href);
      expect({ href, status: response.status }).toEqual({ href, status: 200 });
    }
  });

  it('asks only visitors to become a member: no page of a signed-in member or applicant links /join', async () => {
    const visitorPage = await request(t.app.getHttpServer()).get('/privacy').expect(200);
    expect(visitorPage.text).toContain('href="/join"');
    for (const role of ['member', 'applicant'] as const) {
      const signedIn = await signInAs(t, { role });
      for (const path of ['/', '/portal']) {
        const page = await signedIn.agent.get(path).expect(200);
        expect({ role, path, joins: page.text.includes('href="/join"') }).toEqual({ role, path, joins: false });
      }
    }
  });
});
