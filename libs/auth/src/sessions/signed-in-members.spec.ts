import type { SessionMember } from './session-member';
import { SignedInMembers } from './signed-in-members';

function member(id: string, role: SessionMember['role'] = 'member'): SessionMember {
  return {
    id,
    email: `${id}@example.test`,
    name: `Member ${id}`,
    role,
    membership: { tier: 'gold', state: 'active', entitlements: ['reports'] },
  };
}

describe('SignedInMembers', () => {
  it('gives back a member kept under the same version', () => {
    const kept = new SignedInMembers();
    kept.keep(member('a', 'staff'), 'v1', 0);
    expect(kept.find('a', 'v1', 10)).toEqual(member('a', 'staff'));
  });

  it('gives nothing once the version changed (any member write anywhere)', () => {
    const kept = new SignedInMembers();
    kept.keep(member('a'), 'v1', 0);
    expect(kept.find('a', 'v2', 10)).toBeNull();
  });

  it('keeps nothing and finds nothing without a version', () => {
    const kept = new SignedInMembers();
    kept.keep(member('a'), null, 0);
    expect(kept.size).toBe(0);
    kept.keep(member('a'), 'v1', 0);
    expect(kept.find('a', null, 10)).toBeNull();
  });

  it('gives nothing past the maximum age, even under the same version', () => {
    const kept = new SignedInMembers(10, 1000);
    kept.keep(member('a'), 'v1', 0);
    expect(kept.find('a', 'v1', 999)).not.toBeNull();
    expect(kept.find('a', 'v1', 1000)).toBeNull();
  });

  it('holds at most its maximum, dropping the least recently used first', () => {
    const kept = new SignedInMembers(2);
    kept.keep(member('a'), 'v1', 0);
    kept.keep(member('b'), 'v1', 0);
    kept.keep(member('a'), 'v1', 1); // kept again: now the newest
    kept.keep(member('c'), 'v1', 2);
    expect(kept.size).toBe(2);
    expect(kept.find('b', 'v1', 3)).toBeNull();
    expect(kept.find('a', 'v1', 3)).not.toBeNull();
    expect(kept.find('c', 'v1', 3)).not.toBeNull();
  });

  it('forgets a member whose record is gone', () => {
    const kept = new SignedInMembers();
    kept.keep(member('a'), 'v1', 0);
    kept.forget('a');
    expect(kept.find('a', 'v1', 1)).toBeNull();
  });

  it('hands each request its own copy', () => {
    const kept = new SignedInMembers();
    kept.keep(member('a'), 'v1', 0);
    const first = kept.find('a', 'v1', 1)!;
    first.role = 'admin';
    first.membership.entitlements.push('everything');
    expect(kept.find('a', 'v1', 2)).toEqual(member('a'));
  });
});
