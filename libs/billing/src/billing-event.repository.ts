import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKeyError } from '@roundtable/core';
import { BillingEvent, EventOutcome } from './billing-event.schema';

/** The only code that touches the billing_events collection. */
@Injectable()
export class BillingEventRepository {
  constructor(@InjectModel(BillingEvent.name) private readonly events: Model<BillingEvent>) {}

  /**
   * Claims an event for processing. True the first time; false for a redelivery of an event already
   * settled. An event whose processing failed (`error`) may be claimed again, so Stripe's retry works.
   */
  async claim(eventId: string, type: string, created: number): Promise<boolean> {
    try {
      await this.events.create({ eventId, type, created });
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) {
        throw error;
      }
      const retried = await this.events.updateOne({ eventId, outcome: 'error' }, { $set: { outcome: 'received' } });
      return retried.modifiedCount === 1;
    }
  }

  async settle(eventId: string, outcome: EventOutcome, detail: string, memberId: string | null): Promise<void> {
    await this.events.updateOne({ eventId }, { $set: { outcome, detail: detail.slice(0, 500), memberId } });
  }

  recent(limit = 50): Promise<Array<BillingEvent & { _id: unknown }>> {
    return this.events.find().sort({ receivedAt: -1 }).limit(limit).lean<Array<BillingEvent & { _id: unknown }>>();
  }

  find(eventId: string) {
    return this.events.findOne({ eventId }).lean<BillingEvent>();
  }
}
