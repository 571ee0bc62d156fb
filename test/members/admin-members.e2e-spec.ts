import { TierRepository } from '@roundtable/billing';
import { MemberRepository } from '@roundtable/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildMember } from '../support/factories';
import { walkList } from '../support/list-pages';
import { signInAs } from '../support/sessions';

describe('The admin member list', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(TierRepository).seedDefaults();
    const members = t.app.get(MemberRepository);
    const people = [
      { name: 'Big B2B', revenueBand: '>$1B', businessModel: 'B2B', company: 'Initech' },
      { name: 'Small B2C', revenueBand: '<$100M', businessModel: 'B2C', company: 'Hooli' },
      { name: '=HYPERLINK("http://evil")', revenueBand: '>$1B', businessModel: 'Both', company: 'Evil, Inc.' },
    ];
    for (const person of people) {
      const member = await buildMember(t, {
        name: person.name,
        membership: { tier: 'council', state: 'active', entitlements: [] },
      });
      await members.updateProfile(String(member._id), person.name, {
        title: 'CCO',
        company: person.company,
        revenueBand: person.revenueBand,
        businessModel: person.businessModel,
        industry: 'Insurance',
        ccoModel: 'Generalist',
        reportsTo: 'CEO',
        boardMember: true,
        yearsInRole: 2,
        linkedinUrl: '',
      });
    }
  });
  afterAll(() => t.close());

  it('filters by revenue band and B2B/B2C and searches names, emails and companies', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    const big = await staff.agent.get('/admin/members?revenueBand=%3E%241B').expect(200);
    expect(big.text).toContain('Big B2B');
    expect(big.text).not.toContain('Small B2C');
    const b2c = await staff.agent.get('/admin/members?businessModel=B2C').expect(200);
    expect(b2c.text).toContain('Small B2C');
    expect(b2c.text).not.toContain('Big B2B');
    const search = await staff.agent.get('/admin/members?search=hoo').expect(200);
    expect(search.text).toContain('Small B2C');
    expect(search.text).not.toContain('Big B2B');
    // A regex in the search box is text, not a pattern.
    const regex = await staff.agent.get('/admin/members?search=.*').expect(200);
    expect(regex.text).toContain('No members match.');
  });

  it('filters by membership state and tier, and ignores values that are not choices', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    await buildMember(t, {
      name: 'Lapsed Larry',
      membership: { tier: 'associate', state: 'lapsed', entitlements: [] },
    });
    const active = await staff.agent.get('/admin/members?state=active').expect(200);
    expect(active.text).toContain('Big B2B');
    expect(active.text).not.toContain('Lapsed Larry');
    const lapsed = await staff.agent.get('/admin/members?state=lapsed&tier=associate').expect(200);
    expect(lapsed.text).toContain('Lapsed Larry');
    expect(lapsed.text).not.toContain('Big B2B');
    const odd = await staff.agent.get('/admin/members?state[$ne]=x&revenueBand=lots').expect(200);
    expect(odd.text).toContain('Lapsed Larry');
    expect(odd.text).toContain('Big B2B');
  });

  it('offers the tiers as a choice and shows every tier, with a note, for a value that is not a tier', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    const page = await staff.agent.get('/admin/members').expect(200);
    expect(page.text).toMatch(
      /<select name="tier"><option value="">Any<\/option>.*<option value="council">Council Member<\/option>/,
    );
    // The list names the tier, not its slug.
    expect(page.text).toMatch(/<td data-label="Tier">Council Member<\/td><td data-label="Membership">active<\/td>/);
    for (const odd of ['tier=gold', 'tier=%3Cb%3E', 'tier=council&tier=associate']) {
      const shown = await staff.agent.get(`/admin/members?${odd}`).expect(200);
      expect(shown.text).toContain('id="ignored-filters"');
      expect(shown.text).toContain('Big B2B');
      expect(shown.text).not.toContain('<b>');
    }
    // A key the list does not have (the query string is parsed flat: `tier[$ne]` is its own key) is dropped silently.
    const unknown = await staff.agent.get('/admin/members?tier[$ne]=x').expect(200);
    expect(unknown.text).toContain('Big B2B');
    expect(unknown.text).not.toContain('id="ignored-filters"');
    expect((await staff.agent.get('/admin/members?tier=gold').expect(200)).text).toContain(
      '“gold” is not a tier, so members of every tier are shown.',
    );
    const council = await staff.agent.get('/admin/members?tier=council').expect(200);
    expect(council.text).toContain('Big B2B');
    expect(council.text).not.toContain('Lapsed Larry');
    expect(council.text).not.toContain('id="ignored-filters"');
  });

  it('searches by the start of a name, an email or a company, not the middle', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    await buildMember(t, { name: 'Prefix Person', email: 'zed.prefix@example.test' });
    expect((await staff.agent.get('/admin/members?search=prefix').expect(200)).text).toContain('Prefix Person');
    expect((await staff.agent.get('/admin/members?search=ZED.PRE').expect(200)).text).toContain('Prefix Person');
    expect((await staff.agent.get('/admin/members?search=erson').expect(200)).text).toContain('No members match.');
  });

  it('pages forward and back by cursor with the filters kept, every member once', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    const names = Array.from({ length: 7 }, (_, i) => `Walker ${String(i).padStart(2, '0')}`);
    for (const name of names) {
      await buildMember(t, { name, membership: { tier: 'council', state: 'active', entitlements: [] } });
    }
    await buildMember(t, { name: 'Walker Lapsed', membership: { tier: 'council', state: 'lapsed', entitlements: [] } });
    const { forward, backward } = await walkList(
      staff.agent,
      '/admin/members?search=walker&state=active&size=3',
      /<tr><td class="row-title">(Walker[^<]*)<\/td>/,
    );
    expect(forward.map((page) => page.rows)).toEqual([names.slice(0, 3), names.slice(3, 6), names.slice(6)]);
    expect(forward[0].previous).toBeNull();
    expect(forward[1].next).toMatch(/search=walker&state=active&size=3&after=/);
    expect(backward.map((page) => page.rows)).toEqual(forward.map((page) => page.rows));
    expect(backward[0].previous).toBeNull();
  });

  it('shows the first page, with a note, for a page link it did not write or an odd page size', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    const page = await staff.agent.get('/admin/members?after=bogus&size=100000').expect(200);
    expect(page.text).toContain('That page link is out of date or incomplete, so the first page is shown.');
    expect(page.text).toContain('A page shows between 1 and 100 rows; showing 50.');
    expect(page.text).toContain('Big B2B');
  });

  it('exports the filtered list as CSV with formula cells neutralised', async () => {
    const admin = await signInAs(t, { role: 'admin' });
    const csv = await admin.agent.get('/admin/members.csv?revenueBand=%3E%241B').expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'name,email,role,tier,membership_state,title,company,revenue_band,business_model,industry,cco_model,application,deletion_requested,joined',
    );
    expect(lines).toHaveLength(3);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.text).toContain('"Evil, Inc."');
    expect(csv.text).not.toContain('Small B2C');
  });

  it('pages by id', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    for (let i = 0; i < 52; i += 1) {
      await buildMember(t, { name: `Paged Member ${i}` });
    }
    const first = await staff.agent.get('/admin/members').expect(200);
    const next = /href="\/admin\/members(\?[^"]*after=[^"]+)"/.exec(first.text);
    expect(next).not.toBeNull();
    const second = await staff.agent.get(`/admin/members${next![1].replace(/&amp;/g, '&')}`).expect(200);
    expect(second.text).toContain('Paged Member 51');
    expect(first.text).not.toContain('Paged Member 51');
  });
});
