import { checkBody } from '@roundtable/core';
import { NewTierDto, TierDto, tierFieldsFrom } from './tier.dto';

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

describe('the tier form', () => {
  it('reads a valid form into integer cents, a lowercase currency and known entitlements only', async () => {
    const { value, errors } = await checkBody(NewTierDto, good);
    expect(errors).toEqual({});
    expect(value.slug).toBe('council');
    expect(tierFieldsFrom(value)).toEqual({
      name: 'Council Member',
      description: 'Surveys and reports.',
      priceCents: 240000,
      currency: 'usd',
      interval: 'year',
      stripePriceId: 'price_council_2026',
      entitlements: ['take_surveys', 'see_reports'],
      offered: true,
    });
  });

  it('takes a single entitlement (one checkbox ticked) and no entitlement at all', async () => {
    const { slug: _slug, ...edit } = good;
    const one = await checkBody(TierDto, { ...edit, entitlements: 'comment' });
    expect(one.errors).toEqual({});
    expect(tierFieldsFrom(one.value).entitlements).toEqual(['comment']);
    const { entitlements: _e, offered: _o, ...bare } = edit;
    const none = await checkBody(TierDto, bare);
    expect(none.errors).toEqual({});
    expect([tierFieldsFrom(none.value).entitlements, tierFieldsFrom(none.value).offered]).toEqual([[], false]);
  });

  it('has no slug in an edit: sending one is refused, not ignored', async () => {
    expect((await checkBody(TierDto, good)).errors).toEqual({ slug: 'There is no field named “slug” here.' });
  });

  it('names every problem beside its field', async () => {
    const { errors } = await checkBody(NewTierDto, {
      slug: 'Bad Slug',
      name: '',
      price: '12.345',
      currency: 'euros',
      interval: 'week',
      stripePriceId: 'plan_1',
    });
    expect(errors).toEqual({
      slug: 'Please give a short name for addresses of lowercase letters, digits and dashes (such as council).',
      name: 'Please give a name of up to 80 characters.',
      price: 'Please give a price such as 2400 or 2400.00.',
      currency: 'Please give a three-letter currency code such as USD.',
      interval: 'Please give an interval of month or year.',
      stripePriceId: 'Please give a Stripe price id (price_…).',
    });
  });

  it('refuses a description longer than 500 characters instead of cutting it', async () => {
    const { slug: _slug, ...edit } = good;
    const { errors } = await checkBody(TierDto, { ...edit, description: 'x'.repeat(501) });
    expect(errors).toEqual({ description: 'Please give a description of up to 500 characters.' });
  });

  it('refuses values that are not text (a repeated field, an object)', async () => {
    const { slug: _slug, ...edit } = good;
    const { errors } = await checkBody(TierDto, { ...edit, name: ['a', 'b'], price: { $gt: 0 } });
    expect(errors).toEqual({
      name: 'Please give a name of up to 80 characters.',
      price: 'Please give a price such as 2400 or 2400.00.',
    });
  });
});
