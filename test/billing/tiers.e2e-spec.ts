import request from 'supertest';
import { seedDefaultTiers, TierRepository } from '@roundtable/billing';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

describe('Membership tiers as data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    expect(await seedDefaultTiers(t.app.get(TierRepository))).toBe(3);
    expect(await seedDefaultTiers(t.app.get(TierRepository))).toBe(0);
  });
  afterAll(() => t.close());

  it('shows the seeded tiers with prices formatted in their currency', async () => {
    const page = await request(t.app.getHttpServer()).get('/membership').expect(200);
    expect(page.text).toMatch(/Associate[\s\S]*\$600\.00<\/strong> a year/);
    expect(page.text).toMatch(/Council Member[\s\S]*\$2,400\.00<\/strong> a year/);
    expect(page.text).toMatch(/Executive Circle[\s\S]*\$500\.00<\/strong> a month/);
  });

  it('lets an admin edit a tier, in integer cents, and explains a bad edit without losing it', async () => {
    const admin = await signInAs(t, { role: 'admin' });
    const edit = {
      _csrf: admin.csrfToken,
      name: 'Associate',
      description: 'Read and comment.',
      price: '750.50',
      currency: 'eur',
      interval: 'year',
      stripePriceId: 'price_associate_eur',
      entitlements: ['members_posts', 'comment', 'not_a_thing'],
      offered: 'on',
    };
    await admin.agent.post('/admin/tiers/associate').type('form').send(edit).expect(303);
    const tier = await t.app.get(TierRepository).findBySlug('associate');
    expect(tier).toMatchObject({
      priceCents: 75050,
      currency: 'eur',
      stripePriceId: 'price_associate_eur',
      entitlements: ['members_posts', 'comment'],
    });
    expect((await request(t.app.getHttpServer()).get('/membership')).text).toContain('€750.50');

    const bad = await admin.agent
      .post('/admin/tiers/associate')
      .type('form')
      .send({ ...edit, price: '12.345', currency: 'euros', name: 'Kept name' })
      .expect(422);
    // Each problem is named beside its field and linked from the summary above the form.
    expect(bad.text).toContain('<a href="#price">Please give a price such as 2400 or 2400.00.</a>');
    expect(bad.text).toContain('<a href="#currency">Please give a three-letter currency code such as USD.</a>');
    expect(bad.text).toContain('value="Kept name"');
    expect((await t.app.get(TierRepository).findBySlug('associate'))?.priceCents).toBe(75050);

    const clash = await admin.agent
      .post('/admin/tiers/associate')
      .type('form')
      .send({ ...edit, stripePriceId: 'price_roundtable_council' });
    expect(clash.status).toBe(409);
    expect(clash.text).toContain('Another tier already uses that short name or Stripe price id.');
    expect(clash.text).toContain('value="price_roundtable_council"');
  });

  it('lets an admin create a tier, offered at once with its price in its currency', async () => {
    const admin = await signInAs(t, { role: 'admin' });
    const tier = {
      _csrf: admin.csrfToken,
      slug: 'founders',
      name: 'Founders Circle',
      description: 'For the founding members.',
      price: '99.99',
      currency: 'gbp',
      interval: 'month',
      stripePriceId: 'price_founders_gbp',
      entitlements: 'peer_benchmark',
      offered: 'on',
    };
    await admin.agent.post('/admin/tiers').type('form').send(tier).expect(303);
    expect(await t.app.get(TierRepository).findBySlug('founders')).toMatchObject({
      priceCents: 9999,
      currency: 'gbp',
      interval: 'month',
      entitlements: ['peer_benchmark'],
      position: 4,
    });
    const page = await request(t.app.getHttpServer()).get('/membership').expect(200);
    expect(page.text).toMatch(/Founders Circle[\s\S]*£99\.99<\/strong> a month/);

    const taken = await admin.agent
      .post('/admin/tiers')
      .type('form')
      .send({ ...tier, name: 'Second try' });
    expect(taken.status).toBe(409);
    expect(taken.text).toContain('A tier named &quot;founders&quot; already exists');
    expect(taken.text).toContain('value="Second try"');

    const samePrice = await admin.agent
      .post('/admin/tiers')
      .type('form')
      .send({ ...tier, slug: 'founders-2' });
    expect(samePrice.status).toBe(409);
    expect(samePrice.text).toContain('Another tier already uses that short name or Stripe price id.');

    const bad = await admin.agent
      .post('/admin/tiers')
      .type('form')
      .send({ ...tier, slug: 'Not OK', price: '-3', stripePriceId: 'price_other' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Please give a short name for addresses');
    expect(bad.text).toContain('value="Not OK"');
    expect(await t.app.get(TierRepository).listAll()).toHaveLength(4);
  });

  it('answers an edit of a tier that does not exist with a 404', async () => {
    const admin = await signInAs(t, { role: 'admin' });
    const response = await admin.agent.post('/admin/tiers/nope').set('Accept', 'application/json').type('form').send({
      _csrf: admin.csrfToken,
      name: 'x',
      price: '1',
      currency: 'usd',
      interval: 'month',
      stripePriceId: 'price_nope_1',
    });
    expect(response.status).toBe(404);
  });

  it('keeps the tier editor to admins', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    await staff.agent.get('/admin/tiers').expect(403);
    await staff.agent.get('/admin/billing').expect(200);
  });
});
