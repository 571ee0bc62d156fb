import { tierOffers } from './tier-offers';

const tier = (over: Partial<Parameters<typeof tierOffers>[0][number]>) => ({
  name: 'Associate',
  slug: 'associate',
  description: 'Read and comment.',
  interval: 'year' as const,
  price: '$600.00',
  benefits: ['Members-only posts'],
  position: 1,
  ...over,
});

describe('tierOffers', () => {
  it('shows a tier sold monthly and annually as one offer with both prices, monthly first', () => {
    const offers = tierOffers([
      tier({ name: 'Executive Circle', slug: 'executive-annual', price: '$5,000.00', position: 4 }),
      tier({}),
      tier({
        name: 'Executive Circle',
        slug: 'executive',
        interval: 'month',
        price: '$500.00',
        position: 3,
        benefits: ['Members-only posts', 'Peer benchmark'],
      }),
    ]);
    expect(offers.map((offer) => offer.name)).toEqual(['Associate', 'Executive Circle']);
    expect(offers[1].prices).toEqual([
      { slug: 'executive', price: '$500.00', per: 'a month', interval: 'month' },
      { slug: 'executive-annual', price: '$5,000.00', per: 'a year', interval: 'year' },
    ]);
    expect(offers[1].benefits).toEqual(['Members-only posts', 'Peer benchmark']);
    expect(offers[0].prices).toEqual([{ slug: 'associate', price: '$600.00', per: 'a year', interval: 'year' }]);
  });
});
