import { buildTier } from '../support/billing';
import { createTestApp, TestApp } from '../support/create-test-app';
import { walkList } from '../support/list-pages';
import { signInAs } from '../support/sessions';

/** The tier editor as a list: keyset pages by (position, _id) through ties, offered or retired. */
describe('The tier editor list', () => {
  let t: TestApp;
  const HEADING = /<h2>(Tier [^<]*) <small/;

  async function insert(names: string[], position: (i: number) => number, offered: (i: number) => boolean) {
    for (const [i, name] of names.entries()) {
      await buildTier(t, {
        name,
        slug: name.toLowerCase().replace(/\W+/g, '-'),
        priceCents: 10000 + i,
        position: position(i),
        offered: offered(i),
      });
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    // Five tiers share position 2 (ties across page boundaries); two are retired.
    const names = Array.from({ length: 7 }, (_, i) => `Tier ${String.fromCharCode(65 + i)}`);
    await insert(
      names,
      (i) => (i === 0 ? 1 : i === 6 ? 3 : 2),
      (i) => i !== 3 && i !== 4,
    );
  });
  afterAll(() => t.close());

  it('pages the tiers in display order, each once, both ways', async () => {
    const admin = await signInAs(t, { role: 'admin' });
    const { forward, backward } = await walkList(admin.agent, '/admin/tiers?size=3', HEADING);
    const rows = forward.flatMap((page) => page.rows);
    expect(rows).toHaveLength(7);
    expect(new Set(rows).size).toBe(7);
    expect(rows[0]).toBe('Tier A');
    expect(rows[6]).toBe('Tier G');
    expect(backward.map((page) => page.rows)).toEqual(forward.map((page) => page.rows));
  });

  it('shows offered or retired tiers, and every tier with a note for another value', async () => {
    const admin = await signInAs(t, { role: 'admin' });
    const names = async (url: string) =>
      [...(await admin.agent.get(url).expect(200)).text.matchAll(new RegExp(HEADING.source, 'g'))].map((m) => m[1]);
    expect((await names('/admin/tiers?show=retired')).sort()).toEqual(['Tier D', 'Tier E']);
    expect(await names('/admin/tiers?show=offered')).toHaveLength(5);
    const odd = await admin.agent.get('/admin/tiers?show=gold').expect(200);
    expect(odd.text).toContain('Tiers are offered or retired, so both are shown.');
    expect([...odd.text.matchAll(new RegExp(HEADING.source, 'g'))]).toHaveLength(7);
  });

  it('keeps a refused tier form on the page even when its tier is on a later page', async () => {
    // Fifty tiers before it put Tier G beyond the first page of fifty.
    await insert(
      Array.from({ length: 50 }, (_, i) => `Filler ${i}`),
      () => 0,
      () => false,
    );
    const admin = await signInAs(t, { role: 'admin' });
    expect((await admin.agent.get('/admin/tiers').expect(200)).text).not.toContain('id="tier-tier-g"');
    const refused = await admin.agent
      .post('/admin/tiers/tier-g')
      .type('form')
      .send({
        _csrf: admin.csrfToken,
        name: 'Tier G',
        price: 'lots',
        currency: 'USD',
        interval: 'year',
        stripePriceId: 'price_tier_g',
      })
      .expect(422);
    expect(refused.text).toContain('id="tier-tier-g"');
    expect(refused.text).toContain('value="lots"');
  });

  it('answers a cursor whose id was edited by hand with an empty page, not a server error', async () => {
    const admin = await signInAs(t, { role: 'admin' });
    const edited = Buffer.from(JSON.stringify([2, 'not-an-object-id'])).toString('base64url');
    const page = await admin.agent.get(`/admin/tiers?size=3&after=${edited}`).expect(200);
    expect(page.text).not.toMatch(HEADING);
  });
});
