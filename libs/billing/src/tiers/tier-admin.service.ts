import { Injectable } from '@nestjs/common';
import {
  ConflictError,
  FormOutcome,
  formValuesFrom,
  keysetPage,
  keysetPlan,
  pageLinks,
  type PageRequest,
  type ParsedQuery,
  type SortKey,
} from '@roundtable/core';
import { JobQueue } from '@roundtable/jobs';
import { NewTierDto, TierDto, tierFieldsFrom } from './tier.dto';
import { TierRepository } from './tier.repository';
import { TiersQuery } from './tiers-query.dto';
import { TIER_CHANGED_JOB } from './tier-summaries.service';
import { ENTITLEMENT_CHOICES, tierView } from './tier-view';

/** Tiers in the order members see them; tiers sharing a position keep one order by `_id`. */
const ORDER: SortKey[] = [
  { field: 'position', direction: 1 },
  { field: '_id', direction: 1 },
];

/** The key of the "new tier" form among the per-tier forms of the page. */
export const NEW_TIER = 'new';

/** Admins' tier editor: create and edit tiers; a refused form comes back with its values and why. */
@Injectable()
export class TierAdmin {
  constructor(
    private readonly tiers: TierRepository,
    private readonly queue: JobQueue,
  ) {}

  /**
   * The editor: a form per tier (a page of them, offered or retired as the query asks) and one for a
   * new tier. Shown again after a refused form (the route's `slug`, or none for a new tier), `sent`
   * names the form the values and errors belong to, and that tier's form is on the page.
   */
  async page(request: Partial<PageRequest> & { query?: ParsedQuery<TiersQuery> } = {}) {
    const sent = request.params === undefined ? undefined : (request.params.slug ?? NEW_TIER);
    const { value, ignored } = request.query ?? { value: new TiersQuery(), ignored: {} };
    const plan = keysetPlan(ORDER, value);
    const offered = value.show === undefined ? undefined : value.show === 'offered';
    const page = keysetPage(await this.tiers.listPage({ offered }, plan), plan);
    let tiers = page.rows;
    if (sent !== undefined && sent !== NEW_TIER && !tiers.some((tier) => tier.slug === sent)) {
      const refused = await this.tiers.findBySlug(sent);
      tiers = refused ? [refused, ...tiers] : tiers;
    }
    const filters = { show: value.show, size: value.size };
    return {
      title: 'Membership tiers',
      filter: filters,
      ignored,
      links: pageLinks('/admin/tiers', filters, page),
      tiers: tiers.map(tierView),
      sent,
      newTier: { interval: 'year', currency: 'USD', offered: 'on' },
      entitlements: ENTITLEMENT_CHOICES,
    };
  }

  async create(form: NewTierDto): Promise<FormOutcome> {
    try {
      await this.tiers.create({ ...tierFieldsFrom(form), slug: form.slug });
    } catch (error) {
      return refused(error, form, 'slug');
    }
    return FormOutcome.ok('/admin/tiers');
  }

  async update(slug: string, form: TierDto): Promise<FormOutcome> {
    await this.tiers.getBySlugOrFail(slug);
    try {
      await this.tiers.update(slug, tierFieldsFrom(form));
    } catch (error) {
      // The short name is fixed, so only the Stripe price id can clash with another tier's.
      return refused(error, form, 'stripePriceId');
    }
    // The tier's members carry its entitlements in their records; the worker rewrites them.
    await this.queue.enqueue(TIER_CHANGED_JOB, { slug }, { maxAttempts: 5 });
    return FormOutcome.ok('/admin/tiers');
  }
}

/** A clash with another tier (409) is the form again with the reason beside `field`; anything else is thrown. */
function refused(error: unknown, form: TierDto, field: string): FormOutcome {
  if (!(error instanceof ConflictError)) {
    throw error;
  }
  const { entitlements, ...fields } = form;
  // A list has no single text value; the page ticks each entitlement named in the joined text.
  const values = { ...formValuesFrom(fields), entitlements: (entitlements ?? []).join(' ') };
  return FormOutcome.invalid(values, { [field]: error.message }, 409);
}
