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

  createdAt: Date;
  updatedAt: Date;
}

export type MemberDocument = HydratedDocument<Member>;
export const MemberSchema = SchemaFactory.createForClass(Member);

// findByEmail (sign-in by email link, applications): one member per address.
MemberSchema.index({ email: 1 }, { unique: true });
