import { TierRepository } from '@roundtable/billing';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { buildMembership } from '../support/memberships';
import { signInAs } from '../support/sessions';

/** The membership page marks the tier a member pays for now, in words, and only that one. */
describe('The current plan on the membership page', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(TierRepository).seedDefaults();
  });
  afterAll(() => t.close());

  /** The names of the tiers marked as the member's current plan, and how many tiers are shown. */
  async function marked(state?: 'active' | 'past_due' | 'canceling' | 'canceled', tier = 'executive') {
    const member = await signInAs(t, { role: 'member' });
    if (state) {
      await buildMembership(t, String(member.member._id), { tier, state });
    }
    const page = (await member.agent.get('/membership').expect(200)).text;
    const cards = [...page.matchAll(/<article class="card tier[^"]*"[^>]*>([\s\S]*?)<\/article>/g)];
    return {
      shown: cards.length,
      current: [
        ...page.matchAll(
          /<article class="card tier current" aria-current="true">\s*<p class="current-plan">Your current plan<\/p>\s*<h2>([^<]+)<\/h2>/g,
        ),
      ].map((m) => m[1]),
      mentions: (page.match(/Your current plan/g) ?? []).length,
    };
  }

  it.each(['active', 'past_due', 'canceling'] as const)(
    'marks the tier of a %s membership, and no other',
    async (state) => {
      const page = await marked(state);
      expect(page.shown).toBeGreaterThan(1);
      expect(page.current).toEqual(['Executive Circle']);
      expect(page.mentions).toBe(1);
    },
  );

  it('marks nothing for a member without a membership or whose membership ended', async () => {
    expect(await marked()).toMatchObject({ current: [], mentions: 0 });
    expect(await marked('canceled', 'council')).toMatchObject({ current: [], mentions: 0 });
  });
});
