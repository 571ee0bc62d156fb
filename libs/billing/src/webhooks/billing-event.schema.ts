import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const EVENT_OUTCOMES = ['received', 'applied', 'ignored', 'stale', 'refused', 'error'] as const;
export type EventOutcome = (typeof EVENT_OUTCOMES)[number];

/** Every Stripe event we received, once, with what we did with it. */
@Schema({ collection: 'billing_events', timestamps: { createdAt: 'receivedAt', updatedAt: true } })
export class BillingEvent {
  @Prop({ required: true }) eventId: string;
  @Prop({ required: true }) type: string;
  /** Stripe's `created`, in seconds. */
  @Prop({ required: true }) created: number;
  @Prop({ type: String, enum: EVENT_OUTCOMES, default: 'received' }) outcome: EventOutcome;
  @Prop({ type: String, default: null }) memberId: string | null;
  @Prop({ default: '' }) detail: string;
  /** A subscription update that moved the member to another tier (slugs): staff's list shows it as one change. */
  @Prop({ type: Object, default: null }) tierChange: { from: string | null; to: string } | null;
  /** When processing last began: a `received` event whose processing died is taken again after a while. */
  @Prop({ type: Date, default: () => new Date() }) claimedAt: Date;
  receivedAt: Date;
}

export const BillingEventSchema = SchemaFactory.createForClass(BillingEvent);
// Each event is applied once: a redelivery hits this unique index.
BillingEventSchema.index({ eventId: 1 }, { unique: true });
// The billing page's recent events and staff's event list, most recent first, keyset-paged on
// (receivedAt, _id); the list filtered by outcome or by Stripe type.
BillingEventSchema.index({ receivedAt: -1, _id: -1 });
BillingEventSchema.index({ outcome: 1, receivedAt: -1, _id: -1 });
BillingEventSchema.index({ type: 1, receivedAt: -1, _id: -1 });
