import { downloadDecision } from './access';

const grants = (state: string) => ['active', 'past_due', 'canceling'].includes(state);
const member = (tier: string | null, state = 'active') => ({ role: 'member', membership: { tier, state } });

describe('downloadDecision', () => {
  it('lets members of a listed tier with benefits download, counted under their tier', () => {
    expect(downloadDecision(member('council'), ['council', 'executive'], grants)).toEqual({
      allowed: true,
      tier: 'council',
    });
    expect(downloadDecision(member('council', 'past_due'), ['council'], grants)).toEqual({
      allowed: true,
      tier: 'council',
    });
  });

  it('lets staff and admins download everything, counted as staff', () => {
    expect(downloadDecision({ role: 'admin', membership: { tier: null, state: 'none' } }, ['council'], grants)).toEqual(
      {
        allowed: true,
        tier: 'staff',
      },
    );
  });

  it('refuses visitors, applicants, members of another tier and lapsed members, each for its reason', () => {
    expect(downloadDecision(undefined, ['council'], grants)).toEqual({ allowed: false, reason: 'visitor' });
    expect(
      downloadDecision({ role: 'applicant', membership: { tier: null, state: 'none' } }, ['council'], grants),
    ).toEqual({
      allowed: false,
      reason: 'not_a_member',
    });
    expect(downloadDecision(member('associate'), ['council'], grants)).toEqual({
      allowed: false,
      reason: 'other_tier',
    });
    expect(downloadDecision(member('council', 'lapsed'), ['council'], grants)).toEqual({
      allowed: false,
      reason: 'no_membership',
    });
  });
});
