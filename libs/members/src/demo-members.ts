import type { MemberRepository } from './member.repository';
import type { MemberRole } from './member.schema';

/** The people `npm start` seeds so a fresh install has someone to sign in as. Local use only. */
export const DEMO_MEMBERS: Array<{ email: string; name: string; role: MemberRole }> = [
  { email: 'admin@roundtable.local', name: 'Avery Admin', role: 'admin' },
  { email: 'staff@roundtable.local', name: 'Sam Staff', role: 'staff' },
  { email: 'jordan.lee@roundtable.local', name: 'Jordan Lee', role: 'member' },
  { email: 'priya.shah@roundtable.local', name: 'Priya Shah', role: 'member' },
  { email: 'morgan.ortiz@roundtable.local', name: 'Morgan Ortiz', role: 'applicant' },
];

/** Creates the demo members that are missing; returns how many it created. Safe to run again. */
export async function seedDemoMembers(members: MemberRepository): Promise<number> {
  let created = 0;
  for (const demo of DEMO_MEMBERS) {
    if (!(await members.findByEmail(demo.email))) {
      await members.create(demo);
      created += 1;
    }
  }
  return created;
}
