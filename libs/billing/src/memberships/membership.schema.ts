import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { MEMBERSHIP_STATES, type MembershipState } from './membership-state';

/** A member's paid membership as billing knows it: the Stripe ids and the state machine's state. */
@Schema({ collection: 'memberships', timestamps: true })
export class Membership {
  @Prop({ required: true }) memberId: string;
  @Prop({ type: String, default: null }) stripeCustomerId: string | null;
  @Prop({ type: String, default: null }) stripeSubscriptionId: string | null;
  @Prop({ type: String, default: null }) tier: string | null;
  @Prop({ type: String, enum: MEMBERSHIP_STATES, default: 'none' }) state: MembershipState;
  @Prop({ type: Date, default: null }) periodEnd: Date | null;
  @Prop({ type: Date, default: null }) pastDueSince: Date | null;
  /** `created` (seconds) of the newest Stripe event applied; older events never overwrite newer state. */
  @Prop({ default: 0 }) lastEventCreated: number;
  /** First activation and end, for "new" and "churned" in the admin report. */
  @Prop({ type: Date, default: null }) activatedAt: Date | null;
  @Prop({ type: Date, default: null }) endedAt: Date | null;
}

export const MembershipSchema = SchemaFactory.createForClass(Membership);
// One membership per member (checkout, the portal, the member's own pages).
MembershipSchema.index({ memberId: 1 }, { unique: true });
// Webhooks find the membership by the Stripe customer.
MembershipSchema.index({ stripeCustomerId: 1 });
// The worker's sweep: past-due memberships whose grace period has run out.
MembershipSchema.index({ state: 1, pastDueSince: 1 });
// The worker's sweep: canceling memberships whose paid period is over.
MembershipSchema.index({ state: 1, periodEnd: 1 });
// Rewriting the summaries of a tier's members after an admin edits the tier, page by page.
MembershipSchema.index({ tier: 1, _id: 1 });
