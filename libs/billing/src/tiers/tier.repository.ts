import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import {
  ConflictError,
  duplicateAsConflict,
  insertOrConflict,
  type KeysetPlan,
  NotFoundError,
  objectIdKeyset,
  upsertRacing,
} from '@roundtable/core';
import { Tier } from './tier.schema';

export type TierRecord = Tier & { _id: Types.ObjectId };

const TIER_TAKEN = 'Another tier already uses that short name or Stripe price id.';

/** The three tiers a new council starts with (prices are placeholders staff edit). */
export const DEFAULT_TIERS: Tier[] = [
  {
    name: 'Associate',
    slug: 'associate',
    description: 'Read members-only posts and join the conversation.',
    priceCents: 60000,
    currency: 'usd',
    interval: 'year',
    stripePriceId: 'price_roundtable_associate',
    entitlements: ['members_posts', 'comment'],
    position: 1,
    offered: true,
  },
  {
    name: 'Council Member',
    slug: 'council',
    description: 'Everything in Associate, plus the council’s research: take surveys and read the reports.',
    priceCents: 240000,
    currency: 'usd',
    interval: 'year',
    stripePriceId: 'price_roundtable_council',
    entitlements: ['members_posts', 'comment', 'take_surveys', 'see_reports', 'guest_post'],
    position: 2,
    offered: true,
  },
  {
    name: 'Executive Circle',
    slug: 'executive',
    description: 'Everything in Council Member, plus your answers benchmarked against your peers’.',
    priceCents: 50000,
    currency: 'usd',
    interval: 'month',
    stripePriceId: 'price_roundtable_executive',
    entitlements: ['members_posts', 'comment', 'take_surveys', 'see_reports', 'guest_post', 'peer_benchmark'],
    position: 3,
    offered: true,
  },
];

/** The only code that touches the tiers collection. */
@Injectable()
export class TierRepository {
  constructor(@InjectModel(Tier.name) private readonly tiers: Model<Tier>) {}

  listOffered(): Promise<TierRecord[]> {
    return this.tiers.find({ offered: true }).sort({ position: 1 }).lean<TierRecord[]>();
  }

  listAll(): Promise<TierRecord[]> {
    return this.tiers.find().sort({ position: 1 }).lean<TierRecord[]>();
  }

  /** One page of the tier editor: offered or retired tiers (or both), in the plan's keyset range and order. */
  listPage(filter: { offered?: boolean }, keyset: KeysetPlan): Promise<TierRecord[]> {
    const plan = objectIdKeyset(keyset);
    const query = filter.offered === undefined ? {} : { offered: filter.offered };
    return this.tiers
      .find(plan.range ? { $and: [query, plan.range] } : query)
      .sort(plan.sort)
      .limit(plan.limit)
      .lean<TierRecord[]>();
  }

  findBySlug(slug: string): Promise<TierRecord | null> {
    return this.tiers.findOne({ slug: String(slug).toLowerCase() }).lean<TierRecord>();
  }

  findByPriceId(priceId: string): Promise<TierRecord | null> {
    return this.tiers.findOne({ stripePriceId: priceId }).lean<TierRecord>();
  }

  async getBySlugOrFail(slug: string): Promise<TierRecord> {
    const tier = await this.findBySlug(slug);
    if (!tier) {
      throw new NotFoundError('There is no such membership tier.');
    }
    return tier;
  }

  /** Adds a tier at the end of the list; a slug or Stripe price id already in use is a conflict. */
  async create(fields: Omit<Tier, 'position'>): Promise<TierRecord> {
    if (await this.findBySlug(fields.slug)) {
      throw new ConflictError(`A tier named "${fields.slug}" already exists; choose another short name.`);
    }
    const last = await this.tiers.findOne().sort({ position: -1 }).lean<TierRecord>();
    const tier = { ...fields, position: (last?.position ?? 0) + 1 };
    return (await insertOrConflict(this.tiers, tier, TIER_TAKEN)) as TierRecord;
  }

  async update(slug: string, fields: Partial<Tier>): Promise<boolean> {
    const result = await duplicateAsConflict(this.tiers.updateOne({ slug }, { $set: fields }), TIER_TAKEN);
    return result.matchedCount === 1;
  }

  /**
   * Adds the default tiers that are missing (by slug); returns how many it added. Safe to run again,
   * and an admin's edits to a seeded tier are kept.
   */
  async seedDefaults(): Promise<number> {
    let added = 0;
    for (const tier of DEFAULT_TIERS) {
      const result = await upsertRacing(() =>
        this.tiers.updateOne({ slug: tier.slug }, { $setOnInsert: tier }, { upsert: true }),
      );
      added += result.upsertedCount;
    }
    return added;
  }
}

/**
 * Seeds the three default tiers for the demo data and tests; idempotent. Not run on boot: their
 * Stripe price ids are placeholders that exist only in stripe-mock, so a production council creates
 * its tiers on /admin/tiers with the price ids of its own Stripe account.
 */
export function seedDefaultTiers(tiers: TierRepository): Promise<number> {
  return tiers.seedDefaults();
}
