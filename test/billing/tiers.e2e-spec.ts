import request from 'supertest';
import { TierRepository } from '@roundtable/billing';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

describe('Membership tiers as data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    expect(await t.app.get(TierRepository).seedDefaults()).toBe(3);
    expect(await t.app.get(TierRepository).seedDefaults()).toBe(0);
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
    expect(bad.text).toContain(
      'Please give a price such as 2400 or 2400.00, a three-letter currency code such as USD.',
    );
    expect(bad.text).toContain('value="Kept name"');
    expect((await t.app.get(TierRepository).findBySlug('associate'))?.priceCents).toBe(75050);

    const clash = await admin.agent
      .post('/admin/tiers/associate')
      .type('form')
      .send({ ...edit, stripePriceId: 'price_roundtable_council' });
    expect(clash.status).toBe(409);
  });

  it('keeps the tier editor to admins', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    await staff.agent.get('/admin/tiers').expect(403);
    await staff.agent.get('/admin/billing').expect(200);
  });
});
