import { isEntitled, isStaff, missingEntitlements } from './access';

const member = (entitlements: string[]) => ({ role: 'member' as const, membership: { entitlements } });

describe('access rules', () => {
  it('counts staff and admins as staff, nobody else', () => {
    expect(isStaff({ role: 'staff' })).toBe(true);
    expect(isStaff({ role: 'admin' })).toBe(true);
    expect(isStaff({ role: 'member' })).toBe(false);
    expect(isStaff({ role: 'applicant' })).toBe(false);
    expect(isStaff(undefined)).toBe(false);
  });

  it('entitles staff to everything, members to what their membership grants, visitors to nothing', () => {
    expect(isEntitled({ role: 'staff', membership: { entitlements: [] } }, 'comment')).toBe(true);
    expect(isEntitled(member(['comment']), 'comment')).toBe(true);
    expect(isEntitled(member(['members_posts']), 'comment')).toBe(false);
    expect(isEntitled({ role: 'applicant', membership: { entitlements: [] } }, 'comment')).toBe(false);
    expect(isEntitled(undefined, 'comment')).toBe(false);
  });

  it('lists what is missing', () => {
    expect(missingEntitlements(member(['comment']), ['comment', 'take_surveys'])).toEqual(['take_surveys']);
    expect(missingEntitlements({ role: 'admin', membership: { entitlements: [] } }, ['take_surveys'])).toEqual([]);
  });
});
