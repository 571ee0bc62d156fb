import { describeAudience, matchesAudience, type AudienceCandidate } from './audience';

const member = (overrides: Partial<AudienceCandidate> = {}): AudienceCandidate => ({
  role: 'member',
  membership: { tier: 'council', state: 'active', entitlements: ['take_surveys'] },
  profile: { revenueBand: '>$1B', businessModel: 'B2B', industry: 'Insurance', ccoModel: 'Generalist' },
  deletionRequestedAt: null,
  ...overrides,
});
const everyone = { tiers: [], filters: {} };

describe('matchesAudience', () => {
  it('admits an active member whose tier grants surveys when the audience is everyone', () => {
    expect(matchesAudience(everyone, member())).toBe(true);
  });

  it('leaves out staff, lapsed memberships, tiers without surveys and members asking to be deleted', () => {
    expect(matchesAudience(everyone, member({ role: 'staff' }))).toBe(false);
    expect(
      matchesAudience(everyone, member({ membership: { tier: 'council', state: 'lapsed', entitlements: [] } })),
    ).toBe(false);
    expect(
      matchesAudience(
        everyone,
        member({ membership: { tier: 'associate', state: 'active', entitlements: ['comment'] } }),
      ),
    ).toBe(false);
    expect(matchesAudience(everyone, member({ deletionRequestedAt: new Date() }))).toBe(false);
  });

  it('keeps a past-due or canceling member (their membership still grants entitlements)', () => {
    for (const state of ['past_due', 'canceling']) {
      expect(
        matchesAudience(everyone, member({ membership: { tier: 'council', state, entitlements: ['take_surveys'] } })),
      ).toBe(true);
    }
  });

  it('narrows by tier and by every profile filter that lists values', () => {
    expect(matchesAudience({ tiers: ['executive'], filters: {} }, member())).toBe(false);
    expect(matchesAudience({ tiers: ['council', 'executive'], filters: {} }, member())).toBe(true);
    expect(matchesAudience({ tiers: [], filters: { revenue: ['>$1B'], business: ['B2B', 'Both'] } }, member())).toBe(
      true,
    );
    expect(matchesAudience({ tiers: [], filters: { revenue: ['<$100M'] } }, member())).toBe(false);
    expect(matchesAudience({ tiers: [], filters: { industry: ['Insurance'] } }, member({ profile: null }))).toBe(false);
    expect(matchesAudience({ tiers: [], filters: { ccoModel: [] } }, member({ profile: null }))).toBe(true);
  });
});

describe('describeAudience', () => {
  it('says who is asked in words', () => {
    expect(describeAudience(everyone)).toBe('All active members');
    expect(
      describeAudience({ tiers: ['council'], filters: { revenue: ['>$1B'] } }, { council: 'Council Member' }),
    ).toBe('Active members with tier Council Member, revenue >$1B');
  });
});
