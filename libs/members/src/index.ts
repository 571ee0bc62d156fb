/** @roundtable/members: members, applicants and staff, and their profiles. */
export { MembersModule } from './members.module';
export { MemberRepository, type MemberRecord } from './member.repository';
export { Member, MembershipSummary, MEMBER_ROLES, type MemberRole } from './member.schema';
export { DEMO_MEMBERS, seedDemoMembers } from './demo-members';
