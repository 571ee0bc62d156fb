import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertOnce, type KeysetPlan, objectIdKeyset } from '@roundtable/core';
import { BillingEvent, EventOutcome } from './billing-event.schema';

export type ClaimResult = 'claimed' | 'settled' | 'in_progress';

/** How long one delivery may take before a retry may process the event again (it takes milliseconds). */
const PROCESSING_LEASE_MS = 2 * 60 * 1000;

/** The only code that touches the billing_events collection. */
@Injectable()
export class BillingEventRepository {
  constructor(@InjectModel(BillingEvent.name) private readonly events: Model<BillingEvent>) {}

  /**
   * Claims an event for processing: `claimed` the first time, and again for an event whose
   * processing failed (`error`) or died (still `received` after PROCESSING_LEASE_MS), so Stripe's
   * retry applies it; `settled` for a redelivery of an event already dealt with; `in_progress`
   * while another request is processing it.
   */
  async claim(eventId: string, type: string, created: number, now = new Date()): Promise<ClaimResult> {
    if (await insertOnce(this.events, { eventId, type, created, claimedAt: now })) {
      return 'claimed';
    }
    const diedBefore = new Date(now.getTime() - PROCESSING_LEASE_MS);
    const retried = await this.events.updateOne(
      { eventId, $or: [{ outcome: 'error' }, { outcome: 'received', claimedAt: { $lt: diedBefore } }] },
      { $set: { outcome: 'received', claimedAt: now } },
    );
    if (retried.modifiedCount === 1) {
      return 'claimed';
    }
    const existing = await this.find(eventId);
    return existing?.outcome === 'received' ? 'in_progress' : 'settled';
  }

  /**
   * Erasure: the events stay for the accounts but no longer point at the person. They hold no
   * address or name (the Stripe payload is not stored; `detail` is our own wording).
   */
  async eraseMember(memberId: string): Promise<void> {
    await this.events.updateMany({ memberId }, { $set: { memberId: null } });
  }

  async settle(
    eventId: string,
    outcome: EventOutcome,
    detail: string,
    memberId: string | null,
    tierChange: BillingEvent['tierChange'] = null,
  ): Promise<void> {
    await this.events.updateOne({ eventId }, { $set: { outcome, detail: detail.slice(0, 500), memberId, tierChange } });
  }

  /** One page of staff's event list: optionally one outcome and one type, in the plan's keyset range and order. */
  listPage(filter: { outcome?: EventOutcome; type?: string }, keyset: KeysetPlan) {
    const plan = objectIdKeyset(keyset);
    const query: Record<string, unknown> = {};
    if (filter.outcome) {
      query.outcome = filter.outcome;
    }
    if (filter.type) {
      query.type = filter.type;
    }
    return this.events
      .find(plan.range ? { $and: [query, plan.range] } : query)
      .sort(plan.sort)
      .limit(plan.limit)
      .lean<Array<BillingEvent & { _id: unknown }>>();
  }

  recent(limit = 50): Promise<Array<BillingEvent & { _id: unknown }>> {
    return this.events.find().sort({ receivedAt: -1 }).limit(limit).lean<Array<BillingEvent & { _id: unknown }>>();
  }

  find(eventId: string) {
    return this.events.findOne({ eventId }).lean<BillingEvent>();
  }
}
