import type { ProfileChange } from '@roundtable/core';
import { planProposal, tenureOfMember, type TenureView } from './proposal-plan';

const tenure = (overrides: Partial<TenureView> = {}): TenureView => ({
  _id: 'a'.repeat(24),
  person: 'Ann Lee',
  personKey: 'ann lee',
  company: 'Acme Inc.',
  title: 'Chief Customer Officer',
  start: '2015-01-01',
  end: null,
  memberId: 'm1',
  ...overrides,
});
const change = (
  after: { company?: string; title?: string },
  before: ProfileChange['before'] = { company: 'Acme', title: 'Chief Customer Officer' },
): ProfileChange => ({
  memberId: 'm1',
  name: 'Ann Lee',
  before,
  after: {
    company: after.company ?? 'Acme',
    title: after.title ?? 'Chief Customer Officer',
    revenueBand: null,
    businessModel: null,
    industry: null,
    ccoModel: null,
  },
  at: new Date('2026-12-03T10:00:00Z'),
});

describe('planProposal', () => {
  it('proposes a move when the company changes, whatever the title does', () => {
    expect(planProposal(change({ company: 'Beta' }), tenure())?.kind).toBe('company');
    expect(planProposal(change({ company: 'Beta', title: 'CXO' }), tenure())?.kind).toBe('company');
  });

  it('proposes a new title when only the title changes', () => {
    expect(planProposal(change({ title: 'Chief Experience Officer' }), tenure())?.kind).toBe('title');
  });

  it('proposes nothing when company and title are the same once normalised', () => {
    expect(
      planProposal(change({ company: 'ACME Corporation', title: ' chief  customer officer ' }), tenure()),
    ).toBeNull();
  });

  it('proposes nothing when the roster already says what the profile now says', () => {
    expect(planProposal(change({ company: 'Beta' }), tenure({ company: 'Beta Ltd' }))).toBeNull();
  });

  it('names the proposal by tenure and target, so the same change twice is one proposal and another is not', () => {
    const once = planProposal(change({ company: 'Beta' }), tenure())!;
    expect(planProposal(change({ company: 'Beta Inc' }), tenure())!.id).toBe(once.id);
    expect(planProposal(change({ company: 'Gamma' }), tenure())!.id).not.toBe(once.id);
    expect(once.id).toMatch(/^a{24}-[a-f0-9]{16}$/);
  });
});

describe('tenureOfMember', () => {
  it('takes the member’s open tenure that started last, else the last one', () => {
    const older = tenure({ _id: '1', start: '2010-01-01' });
    const newer = tenure({ _id: '2', start: '2016-01-01', end: '2018-01-01' });
    const open = tenure({ _id: '3', start: '2012-01-01' });
    expect(tenureOfMember(change({}), [older, newer, open], [])?._id).toBe('3');
    expect(tenureOfMember(change({}), [{ ...older, end: '2011-01-01' }, newer], [])?._id).toBe('2');
  });

  it('matches an unlinked open tenure by name and former company, and no other', () => {
    const mine = tenure({ memberId: null });
    expect(tenureOfMember(change({ company: 'Beta' }), [], [mine])?._id).toBe(mine._id);
    expect(tenureOfMember(change({ company: 'Beta' }), [], [tenure({ memberId: 'someone else' })])).toBeNull();
    expect(tenureOfMember(change({ company: 'Beta' }), [], [tenure({ memberId: null, company: 'Other' })])).toBeNull();
    expect(tenureOfMember(change({ company: 'Beta' }), [], [tenure({ memberId: null, end: '2020-01-01' })])).toBeNull();
    expect(tenureOfMember(change({ company: 'Beta' }, null), [], [mine])).toBeNull();
  });
});
