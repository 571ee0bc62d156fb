import type { SessionMember } from '@roundtable/auth';
import { canRead, isPublished } from './visibility';

const member = (
  tier: string | null,
  entitlements: string[],
  role: SessionMember['role'] = 'member',
): SessionMember => ({
  id: '1',
  email: 'a@b.test',
  name: 'A',
  role,
  membership: { tier, state: entitlements.length ? 'active' : 'lapsed', entitlements },
});

describe(canRead.name, () => {
  it('lets everyone read public posts', () => {
    expect(canRead({ visibility: 'public', tiers: [] }, undefined)).toBe(true);
  });

  it('lets members with members_posts read members-only posts, not visitors or lapsed members', () => {
    const post = { visibility: 'members' as const, tiers: [] };
    expect(canRead(post, undefined)).toBe(false);
    expect(canRead(post, member('associate', ['members_posts']))).toBe(true);
    expect(canRead(post, member('associate', []))).toBe(false);
    expect(canRead(post, member(null, [], 'applicant'))).toBe(false);
  });

  it('lets only the listed tiers read tier posts, while their membership grants benefits', () => {
    const post = { visibility: 'tiers' as const, tiers: ['executive'] };
    expect(canRead(post, member('executive', ['members_posts']))).toBe(true);
    expect(canRead(post, member('council', ['members_posts']))).toBe(false);
    expect(canRead(post, member('executive', []))).toBe(false);
    expect(canRead(post, member(null, [], 'staff'))).toBe(true);
  });
});

describe(isPublished.name, () => {
  const now = new Date('2026-06-01T12:00:00Z');
  it('shows published posts and scheduled posts whose time has come, nothing else', () => {
    expect(isPublished({ status: 'published', publishedAt: new Date('2026-05-01') }, now)).toBe(true);
    expect(isPublished({ status: 'scheduled', publishedAt: new Date('2026-06-01T11:59:00Z') }, now)).toBe(true);
    expect(isPublished({ status: 'scheduled', publishedAt: new Date('2026-06-01T12:01:00Z') }, now)).toBe(false);
    expect(isPublished({ status: 'draft', publishedAt: new Date('2026-05-01') }, now)).toBe(false);
    expect(isPublished({ status: 'in_review', publishedAt: null }, now)).toBe(false);
  });
});
