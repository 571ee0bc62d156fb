import type { Browser } from 'playwright-core';
import { AdminHomeSnapshots, AdminWorkerModule } from '@roundtable/admin';
import { BillingReporter, TierRepository } from '@roundtable/billing';
import { JobRunner } from '@roundtable/jobs';
import { addSession, fitsWidth, keepScreenshot, newPage, signedInPage, startBrowserApp } from '../support/browser';
import { buildGuestComment } from '../support/comments';
import { applyAs } from '../support/applications';
import type { TestApp } from '../support/create-test-app';
import { buildMembership } from '../support/memberships';
import { signInAs, SignedIn } from '../support/sessions';
import { sendStripeEvent, stripeEvent } from '../support/stripe';

/** Staff's home: the worker's figures, each linking to its page; one snapshot read per request. */
jest.setTimeout(60_000);

describe('The staff home /admin', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let staff: SignedIn;

  beforeAll(async () => {
    ({ t, browser, baseUrl } = await startBrowserApp({ imports: [AdminWorkerModule] }));
    await t.app.get(TierRepository).seedDefaults();
    staff = await signInAs(t, { role: 'staff', name: 'Sam Staff' });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('says the figures are not computed yet before the worker first ran', async () => {
    const page = await staff.agent.get('/admin').expect(200);
    expect(page.text).toContain('has not computed these figures yet');
  });

  it('counts what waits for staff on every view: the next view after an application arrives shows it', async () => {
    const waiting = async () =>
      Number(
        /<strong>(\d+)<\/strong> applications? waiting/.exec((await staff.agent.get('/admin').expect(200)).text)?.[1],
      );
    const before = await waiting();
    const applicant = await applyAs(t, 'Lou Live');
    expect(await waiting()).toBe(before + 1);
    await staff.agent
      .post(`/admin/applications/${String(applicant.member._id)}/approve`)
      .type('form')
      .send({ _csrf: staff.csrfToken })
      .expect(303);
    expect(await waiting()).toBe(before);
  });

  it('shows what waits for staff and how the council stands, each linking to its page, and fits at 1280 px', async () => {
    // Two applications, a comment held for approval, a deletion request, an active membership, an event.
    for (const name of ['Ann Applicant', 'Ben Applicant']) {
      await applyAs(t, name);
    }
    await buildGuestComment(t, 'p1', { authorName: 'Guest', body: 'Held for approval' });
    const leaving = await signInAs(t, { role: 'member' });
    await leaving.agent.post('/portal/delete').type('form').send({ _csrf: leaving.csrfToken, confirm: 'yes' });
    const paying = await signInAs(t, { role: 'member' });
    await buildMembership(t, String(paying.member._id), {
      stripeCustomerId: 'cus_home',
      stripeSubscriptionId: 'sub_home',
      periodEnd: new Date(Date.now() + 300 * 86_400_000),
    });
    await sendStripeEvent(
      t,
      stripeEvent('customer.created', { id: 'cus_other' }, Math.floor(Date.now() / 1000)),
    ).expect(200);
    await t.app.get(BillingReporter).refresh(new Date());
    await t.app.get(AdminHomeSnapshots).refresh(new Date());

    const { context, page } = await signedInPage(browser, baseUrl, staff);
    await page.goto(`${baseUrl}/admin`);
    expect(await page.locator('#applications-waiting').textContent()).toMatch(/^2 applications waiting$/);
    expect(await page.locator('#applications-waiting').getAttribute('href')).toBe('/admin/applications');
    expect(await page.locator('#comments-waiting').textContent()).toMatch(/^1 comment to moderate$/);
    expect(await page.locator('#comments-waiting').getAttribute('href')).toBe('/admin/comments');
    expect(await page.locator('#deletion-requests').textContent()).toMatch(/^1 deletion request$/);
    expect(await page.locator('#deletion-requests').getAttribute('href')).toBe('/admin/members?deletion=requested');
    expect(await page.locator('#mrr-usd').textContent()).toContain('$200.00');
    expect(await page.locator('#members-by-state').getByRole('link', { name: 'Active: 1' }).getAttribute('href')).toBe(
      '/admin/members?state=active',
    );
    expect(await page.locator('#last-events').textContent()).toContain('customer.created');
    // Every staff page is in the staff area's own navigation, by group; the site header has one "Staff" entry.
    const staffNav = page.getByRole('navigation', { name: 'Staff' });
    for (const [group, links] of [
      ['People', ['Applications', 'Members']],
      ['Content', ['Posts', 'Comments to moderate', 'Library files']],
      ['Research', ['Surveys', 'Results console']],
      ['Billing', ['Billing overview', 'Billing events']],
      ['Site', ['Quotes on the join page', 'About page']],
    ] as const) {
      for (const link of links) {
        expect(
          await staffNav.getByRole('list', { name: group }).getByRole('link', { name: link, exact: true }).count(),
        ).toBe(1);
      }
    }
    expect(await staffNav.getByRole('link', { name: 'Staff home' }).getAttribute('aria-current')).toBe('page');
    const header = page.locator('header nav');
    expect(await header.getByRole('link', { name: 'Staff', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await header.getByRole('link', { name: 'Applications' }).count()).toBe(0);
    expect(await fitsWidth(page)).toBe(true);
    await keepScreenshot(page, 'admin-home-laptop');
    await page.getByRole('link', { name: /1 deletion request/ }).click();
    await page.waitForURL(`${baseUrl}/admin/members?deletion=requested`);
    await context.close();

    const phone = await newPage(browser, { phone: true });
    await addSession(phone.context, baseUrl, staff);
    await phone.page.goto(`${baseUrl}/admin`);
    expect(await fitsWidth(phone.page)).toBe(true);
    await keepScreenshot(phone.page, 'admin-home-phone');
    await phone.context.close();
  });

  it('recomputes the slower figures on request through the worker, not on the request itself', async () => {
    const leaving = await signInAs(t, { role: 'member' });
    await leaving.agent.post('/portal/delete').type('form').send({ _csrf: leaving.csrfToken, confirm: 'yes' });
    await staff.agent.post('/admin/refresh').type('form').send({ _csrf: staff.csrfToken }).expect(303);
    expect((await staff.agent.get('/admin').expect(200)).text).toMatch(/<strong>1<\/strong> deletion request</);
    await t.app.get(JobRunner).runDue();
    const page = (await staff.agent.get('/admin').expect(200)).text;
    expect(page).toMatch(/<strong>2<\/strong> deletion requests/);
    expect(page).toMatch(/\(just now\); the worker recomputes these every five minutes/);
  });

  it('is for staff only', async () => {
    const member = await signInAs(t, { role: 'member' });
    await member.agent.get('/admin').set('Accept', 'text/html').expect(403);
  });
});
