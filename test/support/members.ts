import type { Collection, Document } from 'mongodb';
import { MemberRepository, type ProfileFields } from '@roundtable/members';
import type { TestApp } from './create-test-app';

/**
 * Changes member records directly in the database (what no route can do: an odd stored value, a
 * back-dated submission), then changes the members version as MemberRepository's own writes do,
 * so no process keeps serving the signed-in member as they were. Tests never write the members
 * collection any other way.
 */
export async function writeMembers(
  t: TestApp,
  write: (members: Collection<Document>) => Promise<unknown>,
): Promise<void> {
  await write(t.connection.collection('members'));
  await t.app.get(MemberRepository).noteChanged();
}

/** A whole member profile as the repository stores it, for suites that write one directly. */
export const PROFILE: ProfileFields = {
  title: 'Chief Customer Officer',
  company: 'Acme',
  revenueBand: '10-50m',
  businessModel: 'b2b',
  industry: 'software',
  ccoModel: 'full',
  reportsTo: 'ceo',
  boardMember: false,
  yearsInRole: 3,
  linkedinUrl: '',
};
