/** @roundtable/members: members, applicants and staff, their profiles and applications. */
export { MembersModule } from './members.module';
export { MemberRepository, type MemberRecord, type MemberListFilter } from './member.repository';
export { MEMBERS_VERSION, MemberVersionRepository } from './member-version.repository';
export {
  Member,
  MembershipSummary,
  ProfileFields,
  MEMBER_ROLES,
  APPLICATION_STATUSES,
  type MemberRole,
  type ApplicationStatus,
} from './member.schema';
export { DEMO_MEMBERS, seedDemoMembers } from './demo-members';
export * from './profile';
export { ProfileDto, profileFrom } from './profile.dto';
