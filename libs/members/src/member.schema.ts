import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

export const MEMBER_ROLES = ['applicant', 'member', 'staff', 'admin'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/**
 * What billing tells every other feature about a member's paid membership (billing owns the details
 * in its own collections and keeps this summary current). Entitlements are names such as
 * `members_posts`, `comment`, `guest_post`, `take_surveys`, `see_reports`, `peer_benchmark`.
 */
@Schema({ _id: false })
export class MembershipSummary {
  @Prop({ type: String, default: null })
  tier: string | null;

  @Prop({ default: 'none' })
  state: string;

  @Prop({ type: [String], default: [] })
  entitlements: string[];
}
const MembershipSummarySchema = SchemaFactory.createForClass(MembershipSummary);

/** The profile research cuts by (see profile.ts for the allowed values). */
@Schema({ _id: false })
export class ProfileFields {
  @Prop() title: string;
  @Prop() company: string;
  @Prop() revenueBand: string;
  @Prop() businessModel: string;
  @Prop() industry: string;
  @Prop() ccoModel: string;
  @Prop() reportsTo: string;
  @Prop() boardMember: boolean;
  @Prop() yearsInRole: number;
  @Prop() linkedinUrl: string;
}
const ProfileFieldsSchema = SchemaFactory.createForClass(ProfileFields);

export const APPLICATION_STATUSES = ['none', 'submitted', 'approved', 'declined'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The membership application: submitted by the applicant, decided by staff. */
@Schema({ _id: false })
export class Application {
  @Prop({ type: String, enum: APPLICATION_STATUSES, default: 'none' })
  status: ApplicationStatus;
  @Prop({ type: Date, default: null }) submittedAt: Date | null;
  @Prop({ type: Date, default: null }) decidedAt: Date | null;
  @Prop({ type: String, default: null }) decidedBy: string | null;
  @Prop({ type: String, default: null }) declineReason: string | null;
}
const ApplicationSchema = SchemaFactory.createForClass(Application);

/** A person known to the council: applicant, member or staff. */
@Schema({ collection: 'members', timestamps: true })
export class Member {
  /** Lower-cased; one member per address. */
  @Prop({ required: true, lowercase: true, trim: true })
  email: string;

  @Prop({ required: true, trim: true })
  name: string;

  @Prop({ type: String, enum: MEMBER_ROLES, default: 'applicant' })
  role: MemberRole;

  @Prop({ type: MembershipSummarySchema, default: () => ({}) })
  membership: MembershipSummary;

  @Prop({ type: ProfileFieldsSchema, default: null })
  profile: ProfileFields | null;

  @Prop({ type: ApplicationSchema, default: () => ({}) })
  application: Application;

  /** From LinkedIn at sign-in; shown on the portal and author pages. */
  @Prop({ type: String, default: null })
  pictureUrl: string | null;

  /** The member asked to be deleted; staff act on it (billing and research records are involved). */
  @Prop({ type: Date, default: null })
  deletionRequestedAt: Date | null;

  createdAt: Date;
  updatedAt: Date;
}

export type MemberDocument = HydratedDocument<Member>;
export const MemberSchema = SchemaFactory.createForClass(Member);

// findByEmail (sign-in by email link, applications): one member per address; also the admin member
// list's search by email prefix (a bounded range: addresses are stored lower-cased).
MemberSchema.index({ email: 1 }, { unique: true });

// Staff's application queue: submitted applications, oldest first, keyset-paged (ties by _id); also
// the admin home's count of waiting applications.
MemberSchema.index({ 'application.status': 1, 'application.submittedAt': 1, _id: 1 });
// Staff's decided applications (approved or declined), newest decision first, keyset-paged.
MemberSchema.index({ 'application.status': 1, 'application.decidedAt': -1, _id: -1 });
// The admin member list filtered by role, paged by _id.
MemberSchema.index({ role: 1, _id: 1 });
// The admin member list filtered by membership state (active, past due, ...), paged by _id.
MemberSchema.index({ 'membership.state': 1, _id: 1 });
// The admin member list filtered by tier, paged by _id.
MemberSchema.index({ 'membership.tier': 1, _id: 1 });
// The admin member list filtered by revenue band, paged by _id.
MemberSchema.index({ 'profile.revenueBand': 1, _id: 1 });
// The admin member list filtered by B2B/B2C, paged by _id.
MemberSchema.index({ 'profile.businessModel': 1, _id: 1 });
// The admin member list's search by name prefix (case-insensitive: walks this index's keys).
MemberSchema.index({ name: 1 });
// The admin member list's search by company prefix (case-insensitive: walks this index's keys).
MemberSchema.index({ 'profile.company': 1 });
// The admin member list's "asked to be deleted" filter, paged by _id.
MemberSchema.index({ deletionRequestedAt: 1, _id: 1 });
