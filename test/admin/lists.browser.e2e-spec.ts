import type { Browser, Page } from 'playwright-core';
import { AdminHomeSnapshots, AdminWorkerModule } from '@roundtable/admin';
import { TierRepository } from '@roundtable/billing';
import { MemberRepository, profileFrom, type ProfileDto } from '@roundtable/members';
import { buildBillingEvent, buildTier } from '../support/billing';
import { keepScreenshot, signedInPage, startBrowserApp } from '../support/browser';
import { buildGuestComment } from '../support/comments';
import type { TestApp } from '../support/create-test-app';
import { profileForm } from '../support/forms';
import { buildPost } from '../support/posts';
import { signInAs, SignedIn } from '../support/sessions';

/**
 * The staff home and every admin list at 1280 px, with rows holding long data (60-character
 * unbroken names, addresses and titles): no sideways scroll, and no table cell pushed past the
 * page or clipping its content.
 */
jest.setTimeout(120_000);

const LONG = (label: string) => `${label}${'x'.repeat(60 - label.length)}`;
const NAME = LONG('Maximiliana');
const EMAIL = `${'e'.repeat(47)}@example.test`;
const TITLE = LONG('Customerexperience');

/** What a page's layout comes to: sideways scroll, and table cells past the page or clipped. */
function layoutOf(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const cells = [...document.querySelectorAll('table th, table td')] as HTMLElement[];
    return {
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      tables: document.querySelectorAll('table').length,
      cellsPastPage: cells.filter((cell) => cell.getBoundingClientRect().right > root.clientWidth).length,
      cellsClipped: cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).length,
    };
  });
}

describe('Admin lists at 1280 px', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let admin: SignedIn;

  beforeAll(async () => {
    ({ t, browser, baseUrl } = await startBrowserApp({ imports: [AdminWorkerModule] }));
    await t.app.get(TierRepository).seedDefaults();
    const members = t.app.get(MemberRepository);
    admin = await signInAs(t, { role: 'admin', name: 'Ada Admin' });

    // A member with long name, address and company who asked to be deleted, and a waiting applicant.
    const long = await signInAs(t, {
      role: 'member',
      name: NAME,
      email: EMAIL,
      membership: { tier: 'council', state: 'active', entitlements: [] },
    });
    const profile = profileFrom(
      profileForm({ name: NAME, company: LONG('Company'), title: LONG('Chief') }) as unknown as ProfileDto,
    );
    await members.updateProfile(String(long.member._id), NAME, profile.profile);
    await members.requestDeletion(String(long.member._id));
    const applicant = await signInAs(t, { role: 'applicant', name: LONG('Applicant'), email: `a${EMAIL}` });
    await members.submitApplication(String(applicant.member._id), LONG('Applicant'), profile.profile);

    // A post and a waiting comment with long words, a tier with a long name, an event with a long id.
    const post = await buildPost(t, {
      title: TITLE,
      slug: 'long-title',
      authorId: String(long.member._id),
      authorName: NAME,
      guest: true,
      status: 'in_review',
    });
    await buildGuestComment(t, String(post._id), {
      authorName: NAME,
      guestEmail: EMAIL,
      body: `${'y'.repeat(120)} and a link https://example.test/${'z'.repeat(80)}`,
    });
    await buildTier(t, {
      name: LONG('Tier'),
      slug: 'long-tier',
      description: LONG('Description'),
      priceCents: 100000,
      stripePriceId: LONG('price_'),
      position: 9,
    });
    await buildBillingEvent(t, {
      eventId: LONG('evt_'),
      type: 'customer.subscription.updated',
      created: 1_700_000_000,
      outcome: 'refused',
      detail: `No tier has the price ${LONG('price_')}.`,
    });
    await t.app.get(AdminHomeSnapshots).refresh(new Date());
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  const pages: Array<[string, string, string]> = [
    ['home', '/admin', 'Staff home'],
    ['members', '/admin/members', NAME],
    ['applications', '/admin/applications', LONG('Applicant')],
    ['comments', '/admin/comments', NAME],
    ['posts', '/admin/posts', TITLE],
    ['tiers', '/admin/tiers', LONG('Tier')],
    ['events', '/admin/billing/events', LONG('evt_')],
  ];

  it.each(pages)('%s (%s) fits at 1280 px with long data', async (name, path, expected) => {
    const { context, page } = await signedInPage(browser, baseUrl, admin);
    const response = await page.goto(`${baseUrl}${path}`);
    expect(response?.status()).toBe(200);
    expect(await page.getByText(expected).first().isVisible()).toBe(true);
    const layout = await layoutOf(page);
    await keepScreenshot(page, `admin-list-${name}-laptop`);
    expect(layout.clientWidth).toBeGreaterThanOrEqual(1250);
    expect(layout).toMatchObject({ cellsPastPage: 0, cellsClipped: 0 });
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    await context.close();
  });
});
