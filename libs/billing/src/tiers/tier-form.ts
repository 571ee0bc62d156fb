import { parsePriceToCents } from '../money';
import { ENTITLEMENTS, type Entitlement, type Tier } from './tier.schema';

export type TierFields = Omit<Tier, 'position' | 'slug'> & { slug?: string };
export type TierFormResult = { ok: true; fields: TierFields } | { ok: false; problem: string };

/**
 * Reads an admin's tier form (create or edit). Pure: returns the fields to store, or one sentence
 * naming everything that is wrong, so the form comes back with the values and the sentence.
 * The price is typed in currency units ("2400.00") and stored as integer cents.
 */
export function readTierForm(body: Record<string, unknown>, options: { withSlug: boolean }): TierFormResult {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string).trim() : '');
  const problems: string[] = [];
  if (options.withSlug && !/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(text('slug'))) {
    problems.push('a short name for addresses of lowercase letters, digits and dashes (such as council)');
  }
  if (!text('name') || text('name').length > 80) {
    problems.push('a name of up to 80 characters');
  }
  const priceCents = parsePriceToCents(text('price'));
  if (priceCents === null) {
    problems.push('a price such as 2400 or 2400.00');
  }
  if (!/^[a-z]{3}$/i.test(text('currency'))) {
    problems.push('a three-letter currency code such as USD');
  }
  if (!['month', 'year'].includes(text('interval'))) {
    problems.push('an interval of month or year');
  }
  if (!/^price_[A-Za-z0-9_]{3,}$/.test(text('stripePriceId'))) {
    problems.push('a Stripe price id (price_…)');
  }
  if (text('description').length > 500) {
    problems.push('a description of up to 500 characters');
  }
  if (problems.length > 0) {
    return { ok: false, problem: `Please give ${problems.join(', ')}.` };
  }
  const entitlements = ([] as unknown[])
    .concat(body.entitlements ?? [])
    .filter((value): value is Entitlement => ENTITLEMENTS.includes(value as Entitlement));
  return {
    ok: true,
    fields: {
      ...(options.withSlug ? { slug: text('slug') } : {}),
      name: text('name'),
      description: text('description'),
      priceCents: priceCents!,
      currency: text('currency').toLowerCase(),
      interval: text('interval') as 'month' | 'year',
      stripePriceId: text('stripePriceId'),
      entitlements: [...new Set(entitlements)],
      offered: body.offered === 'on' || body.offered === 'true',
    },
  };
}
