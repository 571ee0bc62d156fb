import { randomBytes } from 'node:crypto';
import { MemberRepository, type MemberRecord, type MemberRole } from '@roundtable/members';
import type { TestApp } from './create-test-app';

let sequence = 0;

/** A unique, readable address for a test member. */
export function uniqueEmail(label = 'member'): string {
  sequence += 1;
  return `${label}.${sequence}.${randomBytes(3).toString('hex')}@example.test`;
}

/** Creates a member through the real repository. */
export async function buildMember(
  t: TestApp,
  overrides: {
    email?: string;
    name?: string;
    role?: MemberRole;
    membership?: { tier: string | null; state: string; entitlements: string[] };
  } = {},
): Promise<MemberRecord> {
  const members = t.app.get(MemberRepository);
  const created = await members.create({
    email: overrides.email ?? uniqueEmail(overrides.role ?? 'member'),
    name: overrides.name ?? 'Casey Example',
    role: overrides.role ?? 'member',
  });
  if (overrides.membership) {
    await members.setMembership(String(created._id), overrides.membership);
  }
  return (await members.findById(String(created._id))) as MemberRecord;
}
