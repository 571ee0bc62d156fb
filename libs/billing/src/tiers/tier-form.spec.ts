import { readTierForm } from './tier-form';

const good = {
  slug: 'council',
  name: 'Council Member',
  description: 'Surveys and reports.',
  price: '2,400.00',
  currency: 'USD',
  interval: 'year',
  stripePriceId: 'price_council_2026',
  entitlements: ['take_surveys', 'see_reports', 'take_surveys', 'made_up'],
  offered: 'on',
};

describe(readTierForm.name, () => {
  it('reads a valid form into integer cents, a lowercase currency and known entitlements only', () => {
    expect(readTierForm(good, { withSlug: true })).toEqual({
      ok: true,
      fields: {
        slug: 'council',
        name: 'Council Member',
        description: 'Surveys and reports.',
        priceCents: 240000,
        currency: 'usd',
        interval: 'year',
        stripePriceId: 'price_council_2026',
        entitlements: ['take_surveys', 'see_reports'],
        offered: true,
      },
    });
  });

  it('takes a single entitlement (one checkbox ticked) and no entitlement at all', () => {
    const one = readTierForm({ ...good, entitlements: 'comment' }, { withSlug: false });
    expect(one.ok && one.fields.entitlements).toEqual(['comment']);
    const none = readTierForm({ ...good, entitlements: undefined, offered: undefined }, { withSlug: false });
    expect(none.ok && [none.fields.entitlements, none.fields.offered]).toEqual([[], false]);
  });

  it('leaves the slug out of an edit', () => {
    const edit = readTierForm({ ...good, slug: 'Not Valid!' }, { withSlug: false });
    expect(edit.ok && 'slug' in edit.fields).toBe(false);
  });

  it('names every problem in one sentence', () => {
    const result = readTierForm(
      { slug: 'Bad Slug', name: '', price: '12.345', currency: 'euros', interval: 'week', stripePriceId: 'plan_1' },
      { withSlug: true },
    );
    expect(result).toEqual({
      ok: false,
      problem:
        'Please give a short name for addresses of lowercase letters, digits and dashes (such as council), ' +
        'a name of up to 80 characters, a price such as 2400 or 2400.00, a three-letter currency code such as USD, ' +
        'an interval of month or year, a Stripe price id (price_…).',
    });
  });

  it('refuses a description longer than 500 characters instead of cutting it', () => {
    const result = readTierForm({ ...good, description: 'x'.repeat(501) }, { withSlug: false });
    expect(result).toEqual({ ok: false, problem: 'Please give a description of up to 500 characters.' });
  });

  it('ignores values that are not text (a repeated field, an object)', () => {
    const result = readTierForm({ ...good, name: ['a', 'b'], price: { $gt: 0 } }, { withSlug: false });
    expect(result).toEqual({
      ok: false,
      problem: 'Please give a name of up to 80 characters, a price such as 2400 or 2400.00.',
    });
  });
});
