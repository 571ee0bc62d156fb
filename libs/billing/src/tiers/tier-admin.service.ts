import { Injectable } from '@nestjs/common';
import { ConflictError } from '@roundtable/core';
import { JobQueue } from '@roundtable/jobs';
import { readTierForm } from './tier-form';
import { TierRepository } from './tier.repository';
import { TIER_CHANGED_JOB } from './tier-summaries.service';
import { ENTITLEMENT_CHOICES, tierView } from './tier-view';

/** The key of the "new tier" form among the per-tier forms of the page. */
export const NEW_TIER = 'new';

export type TierSaveResult =
  { saved: true } | { saved: false; status: 409 | 422; view: Awaited<ReturnType<TierAdmin['page']>> };

/** Admins' tier editor: create and edit tiers; a refused form comes back with its values and why. */
@Injectable()
export class TierAdmin {
  constructor(
    private readonly tiers: TierRepository,
    private readonly queue: JobQueue,
  ) {}

  async page(errors: Record<string, string> = {}, values: Record<string, Record<string, unknown>> = {}) {
    const tiers = (await this.tiers.listAll()).map((tier) => ({ ...tierView(tier), values: values[tier.slug] }));
    return {
      title: 'Membership tiers',
      tiers,
      errors,
      newTier: {
        values: values[NEW_TIER] ?? { interval: 'year', currency: 'USD', offered: 'on' },
        error: errors[NEW_TIER],
      },
      entitlements: ENTITLEMENT_CHOICES,
    };
  }

  create(body: Record<string, unknown>): Promise<TierSaveResult> {
    return this.save(NEW_TIER, body, async () => {
      const form = readTierForm(body, { withSlug: true });
      if (!form.ok) {
        return form;
      }
      const { slug, ...fields } = form.fields;
      await this.tiers.create({ ...fields, slug: slug! });
      return form;
    });
  }

  update(slug: string, body: Record<string, unknown>): Promise<TierSaveResult> {
    return this.save(slug, body, async () => {
      const form = readTierForm(body, { withSlug: false });
      if (form.ok) {
        await this.tiers.getBySlugOrFail(slug);
        await this.tiers.update(slug, form.fields);
        // The tier's members carry its entitlements in their records; the worker rewrites them.
        await this.queue.enqueue(TIER_CHANGED_JOB, { slug }, { maxAttempts: 5 });
      }
      return form;
    });
  }

  private async save(
    key: string,
    body: Record<string, unknown>,
    write: () => Promise<{ ok: true } | { ok: false; problem: string }>,
  ): Promise<TierSaveResult> {
    const values = { [key]: body };
    try {
      const form = await write();
      return form.ok
        ? { saved: true }
        : { saved: false, status: 422, view: await this.page({ [key]: form.problem }, values) };
    } catch (error) {
      if (error instanceof ConflictError) {
        return { saved: false, status: 409, view: await this.page({ [key]: error.message }, values) };
      }
      throw error;
    }
  }
}
