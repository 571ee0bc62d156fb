import { MemberRepository } from '@roundtable/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildMember } from '../support/factories';
import { signInAs } from '../support/sessions';

describe('The admin member list', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
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
