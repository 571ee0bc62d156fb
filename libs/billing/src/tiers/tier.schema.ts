import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const ENTITLEMENTS = [
  'members_posts',
  'comment',
  'guest_post',
  'take_surveys',
  'see_reports',
  'peer_benchmark',
] as const;
export type Entitlement = (typeof ENTITLEMENTS)[number];

/** A membership tier, editable by admins. Prices are integer cents. */
@Schema({ collection: 'tiers', timestamps: true })
export class Tier {
  @Prop({ required: true, trim: true }) name: string;
  @Prop({ required: true, lowercase: true, trim: true }) slug: string;
  @Prop({ default: '' }) description: string;
  @Prop({ required: true, min: 0 }) priceCents: number;
  @Prop({ required: true, lowercase: true, default: 'usd' }) currency: string;
  @Prop({ type: String, enum: ['month', 'year'], required: true }) interval: 'month' | 'year';
  @Prop({ required: true }) stripePriceId: string;
  @Prop({ type: [String], default: [] }) entitlements: Entitlement[];
  /** Shown on the membership page in this order; retired tiers keep their members but are not offered. */
  @Prop({ default: 0 }) position: number;
  @Prop({ default: true }) offered: boolean;
}

export const TierSchema = SchemaFactory.createForClass(Tier);
// Tier by slug (checkout form, membership summaries).
TierSchema.index({ slug: 1 }, { unique: true });
// Tier by Stripe price (webhooks name the price, not our tier).
TierSchema.index({ stripePriceId: 1 }, { unique: true });
// The tier editor's pages in display order (position, then _id for ties), and the offered tiers
// (membership page, checkout) or the retired ones, in the same order.
TierSchema.index({ position: 1, _id: 1 });
TierSchema.index({ offered: 1, position: 1, _id: 1 });
