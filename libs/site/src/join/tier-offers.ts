/**
 * The join page's price list: offered tiers grouped by name, so a tier sold both monthly and
 * annually (two tiers of one name, one per interval) is one offer with both prices. Pure.
 */
export interface OfferedTier {
  name: string;
  slug: string;
  description: string;
  interval: 'month' | 'year';
  price: string;
  benefits: string[];
  position: number;
}

export interface TierOffer {
  name: string;
  description: string;
  benefits: string[];
  prices: Array<{ slug: string; price: string; per: string; interval: 'month' | 'year' }>;
}

export function tierOffers(tiers: OfferedTier[]): TierOffer[] {
  const offers = new Map<string, TierOffer>();
  for (const tier of [...tiers].sort((a, b) => a.position - b.position)) {
    const offer = offers.get(tier.name) ?? { name: tier.name, description: tier.description, benefits: [], prices: [] };
    offer.benefits = [...new Set([...offer.benefits, ...tier.benefits])];
    offer.prices.push({
      slug: tier.slug,
      price: tier.price,
      per: tier.interval === 'year' ? 'a year' : 'a month',
      interval: tier.interval,
    });
    offers.set(tier.name, offer);
  }
  // Monthly first, then annual, within each offer.
  return [...offers.values()].map((offer) => ({
    ...offer,
    prices: offer.prices.sort((a, b) => (a.interval === b.interval ? 0 : a.interval === 'month' ? -1 : 1)),
  }));
}
