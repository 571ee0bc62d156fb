import { isoDate } from '@roundtable/core';
import { JobRepository } from '@roundtable/jobs';
import { CENSUS_JOB, TenureRepository, type TenureRecord } from '@roundtable/roster';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { profileForm } from '../support/forms';
import { buildTenure } from '../support/roster';
import { signInAs, type SignedIn } from '../support/sessions';

const PROPOSAL_LINK = /\/admin\/roster\/proposals\/([a-f0-9]{24}-[a-f0-9]{16})\/accept/g;

/**
 * A member's change of company or title on their profile proposes a roster change; staff accept it
 * (a move ends the tenure and starts one at the new company; a new title replaces the old) or
 * dismiss it, each confirmed first. The roster never changes by the member's save alone.
 */
describe('Roster changes proposed by members’ profiles', () => {
  let t: TestApp;
  let staff: SignedIn;
  const tenures = () => t.app.get(TenureRepository);

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signInAs(t, { role: 'staff' });
  });
  afterAll(() => t.close());

  /** A member with a tenure on the roster (linked to them unless `linked` is false) and a profile that agrees. */
  async function memberOnRoster(name: string, company: string, title = 'Chief Customer Officer', linked = true) {
    const member = await signInAs(t, { role: 'member', name });
    const tenure = await tenures().create(
      buildTenure({
        person: name,
        company,
        title,
        start: '2015-03-01',
        memberId: linked ? String(member.member._id) : null,
      }),
    );
    await saveProfile(member, { name, company, title });
    return { member, tenure };
  }
  const saveProfile = (member: SignedIn, fields: Record<string, string>) =>
    member.agent
      .post('/portal/profile')
      .type('form')
      .send({ _csrf: member.csrfToken, ...profileForm(fields) })
      .expect(303);
  const proposalIds = async () => {
    const page = await staff.agent.get('/admin/roster/proposals').expect(200);
    return [...page.text.matchAll(PROPOSAL_LINK)].map((m) => m[1]);
  };
  const decide = (path: string, confirm?: 'yes') =>
    staff.agent
      .post(path)
      .set('Accept', 'text/html')
      .type('form')
      .send({ _csrf: staff.csrfToken, ...(confirm ? { confirm } : {}) });
  const reread = async (tenure: TenureRecord) => (await tenures().findById(String(tenure._id)))!;

  it('proposes a move once however often it is saved, and accepting ends the tenure and starts one at the new company', async () => {
    const { member, tenure } = await memberOnRoster('Avery Stone', 'Acme Industrial');
    expect(await proposalIds()).toEqual([]);
    // A double submit: both saves see the old company; the unique insert keeps one proposal.
    await Promise.all([
      saveProfile(member, { name: 'Avery Stone', company: 'Beta Systems' }),
      saveProfile(member, { name: 'Avery Stone', company: 'Beta Systems' }),
    ]);
    const [id, ...others] = await proposalIds();
    expect(others).toEqual([]);
    // Nothing changed on the roster by the member's save.
    expect(await reread(tenure)).toMatchObject({ company: 'Acme Industrial', end: null });
    expect((await tenures().findByMember(String(member.member._id))).length).toBe(1);
    const roster = await staff.agent.get('/admin/roster').expect(200);
    expect(roster.text).toContain('Proposed changes <strong>(1 waiting)</strong>');

    const ask = await staff.agent.get(`/admin/roster/proposals/${id}/accept`).expect(200);
    const today = isoDate(new Date());
    expect(ask.text).toContain('<h1>Record this move on the roster?</h1>');
    expect(ask.text).toContain(`The tenure of Avery Stone at Acme Industrial ends on ${today}.`);
    expect(ask.text).toContain(`A tenure starts on ${today}: Avery Stone, Chief Customer Officer at Beta Systems`);
    const unticked = await decide(`/admin/roster/proposals/${id}/accept`);
    expect([unticked.status, unticked.text]).toEqual([422, expect.stringContaining('Please tick “I confirm” first.')]);
    expect((await reread(tenure)).end).toBeNull();

    const accepted = await decide(`/admin/roster/proposals/${id}/accept`, 'yes').expect(303);
    expect(accepted.headers.location).toBe('/admin/roster/proposals');
    const list = await staff.agent.get('/admin/roster/proposals').expect(200);
    expect(list.text).toContain(`Accepted: The tenure of Avery Stone at Acme Industrial ends on ${today}.`);
    expect(list.text).toContain('No member has proposed a change.');
    expect((await reread(tenure)).end).toBe(today);
    const mine = await tenures().findByMember(String(member.member._id));
    expect(mine.map((x) => [x.company, x.start, x.end, x.revenueBand])).toEqual(
      expect.arrayContaining([
        ['Acme Industrial', '2015-03-01', today, null],
        ['Beta Systems', today, null, '>$1B'],
      ]),
    );
    expect(mine).toHaveLength(2);
    // The census is recomputed (debounced, like every roster change).
    expect(await t.app.get(JobRepository).findRecent({ type: CENSUS_JOB, status: 'pending' })).not.toEqual([]);
    // A second accept of the decided proposal changes nothing more.
    await decide(`/admin/roster/proposals/${id}/accept`, 'yes').expect(303);
    expect(await tenures().findByMember(String(member.member._id))).toHaveLength(2);
  });

  it('proposes a new title, which accepting writes on the tenure', async () => {
    const { member, tenure } = await memberOnRoster('Blair Quinn', 'Gamma Foods');
    await saveProfile(member, { name: 'Blair Quinn', company: 'Gamma Foods', title: 'Chief Experience Officer' });
    const [id] = await proposalIds();
    const ask = await staff.agent.get(`/admin/roster/proposals/${id}/accept`).expect(200);
    expect(ask.text).toContain(
      'The title of Blair Quinn at Gamma Foods changes from “Chief Customer Officer” to “Chief Experience Officer”.',
    );
    await decide(`/admin/roster/proposals/${id}/accept`, 'yes').expect(303);
    expect(await reread(tenure)).toMatchObject({
      title: 'Chief Experience Officer',
      end: null,
      company: 'Gamma Foods',
    });
    expect(await proposalIds()).toEqual([]);
  });

  it('leaves the roster as it is when staff dismiss the proposal', async () => {
    const { member, tenure } = await memberOnRoster('Cameron Ross', 'Delta Air');
    await saveProfile(member, { name: 'Cameron Ross', company: 'Epsilon Bank' });
    const [id] = await proposalIds();
    const ask = await staff.agent.get(`/admin/roster/proposals/${id}/dismiss`).expect(200);
    expect(ask.text).toContain('<h1>Dismiss this proposal?</h1>');
    expect((await decide(`/admin/roster/proposals/${id}/dismiss`)).status).toBe(422);
    expect(await proposalIds()).toEqual([id]);
    const dismissed = await decide(`/admin/roster/proposals/${id}/dismiss`, 'yes').expect(303);
    const list = await staff.agent.get(dismissed.headers.location).expect(200);
    expect(list.text).toContain('Dismissed: the roster keeps Cameron Ross at Delta Air as it is.');
    expect(await reread(tenure)).toEqual(tenure);
    expect(await tenures().findByMember(String(member.member._id))).toHaveLength(1);
    expect(await proposalIds()).toEqual([]);
  });

  it('proposes nothing when company and title did not change, or the member is not on the roster', async () => {
    const { member, tenure } = await memberOnRoster('Dana Hale', 'Zeta Corp');
    // The company written another way and another revenue band: the same company, the same title.
    await saveProfile(member, { name: 'Dana Hale', company: 'ZETA Corporation', revenueBand: '<$100M' });
    const outsider = await signInAs(t, { role: 'member', name: 'Eli Nobody' });
    await saveProfile(outsider, { name: 'Eli Nobody', company: 'Nowhere Ltd' });
    await saveProfile(outsider, { name: 'Eli Nobody', company: 'Elsewhere plc' });
    expect(await proposalIds()).toEqual([]);
    expect(await reread(tenure)).toEqual(tenure);
    expect(await tenures().findByMember(String(outsider.member._id))).toEqual([]);
    expect(await tenures().findOpenByPerson('eli nobody')).toEqual([]);
  });

  it('keeps only the latest change of a member, and withdraws it when the profile returns to what the roster says', async () => {
    const { member } = await memberOnRoster('Frankie Moss', 'Eta Labs');
    await saveProfile(member, { name: 'Frankie Moss', company: 'Theta Labs' });
    const [first] = await proposalIds();
    await saveProfile(member, { name: 'Frankie Moss', company: 'Iota Labs' });
    const [second, ...rest] = await proposalIds();
    expect([second !== first, rest]).toEqual([true, []]);
    const page = await staff.agent.get('/admin/roster/proposals').expect(200);
    expect(page.text).toContain('Chief Customer Officer at Iota Labs');
    await saveProfile(member, { name: 'Frankie Moss', company: 'Eta Labs' });
    expect(await proposalIds()).toEqual([]);
  });

  it('finds an unlinked tenure by the member’s name and former company, and links it on accept', async () => {
    const { member, tenure } = await memberOnRoster('Gale Ortiz', 'Kappa Steel', 'Chief Customer Officer', false);
    await saveProfile(member, { name: 'Gale Ortiz', company: 'Lambda Works' });
    const [first] = await proposalIds();
    // Changed again before staff decide: the waiting proposal's tenure is still the member's.
    await saveProfile(member, { name: 'Gale Ortiz', company: 'Lambda Steel' });
    const [id, ...others] = await proposalIds();
    expect([id !== first, others]).toEqual([true, []]);
    await decide(`/admin/roster/proposals/${id}/accept`, 'yes').expect(303);
    const memberId = String(member.member._id);
    expect(await reread(tenure)).toMatchObject({ memberId, end: isoDate(new Date()) });
    expect((await tenures().findByMember(memberId)).map((x) => x.company).sort()).toEqual([
      'Kappa Steel',
      'Lambda Steel',
    ]);
  });

  it('refuses to record a move on the day the tenure starts, and keeps the proposal', async () => {
    const today = isoDate(new Date());
    const member = await signInAs(t, { role: 'member', name: 'Indy Park' });
    const memberId = String(member.member._id);
    const tenure = await tenures().create(
      buildTenure({ person: 'Indy Park', company: 'Xi Energy', start: today, memberId }),
    );
    await saveProfile(member, { name: 'Indy Park', company: 'Xi Energy' });
    await saveProfile(member, { name: 'Indy Park', company: 'Omicron Energy' });
    const [id] = await proposalIds();
    const refused = await decide(`/admin/roster/proposals/${id}/accept`, 'yes');
    expect(refused.status).toBe(409);
    expect(refused.text).toContain(`The tenure at Xi Energy starts on ${today}, not before the change on ${today}`);
    expect(await reread(tenure)).toEqual(tenure);
    expect(await tenures().findByMember(memberId)).toHaveLength(1);
    expect(await proposalIds()).toEqual([id]);
    await decide(`/admin/roster/proposals/${id}/dismiss`, 'yes').expect(303);
  });

  it('lets no member accept or dismiss a proposal', async () => {
    const { member, tenure } = await memberOnRoster('Harper Lane', 'Mu Motors');
    await saveProfile(member, { name: 'Harper Lane', company: 'Nu Motors' });
    const [id] = await proposalIds();
    expect(id).toMatch(/^[a-f0-9]{24}-[a-f0-9]{16}$/);
    for (const action of ['accept', 'dismiss']) {
      await member.agent.get(`/admin/roster/proposals/${id}/${action}`).expect(403);
      await member.agent
        .post(`/admin/roster/proposals/${id}/${action}`)
        .type('form')
        .send({ _csrf: member.csrfToken, confirm: 'yes' })
        .expect(403);
    }
    await member.agent.get('/admin/roster/proposals').expect(403);
    expect(await proposalIds()).toEqual([id]);
    expect(await reread(tenure)).toEqual(tenure);
  });
});
