import type { Browser } from 'playwright-core';
import { TenureRepository } from '@roundtable/roster';
import { fitsWidth, keepScreenshot, signedInPage, startBrowserApp } from '../support/browser';
import type { TestApp } from '../support/create-test-app';
import { profileForm } from '../support/forms';
import { buildTenure } from '../support/roster';
import { signInAs } from '../support/sessions';

/**
 * Staff's list of roster changes members' profiles propose, and accepting one through its
 * confirmation step, in Chromium without JavaScript at 1280 and 390 px: nothing wider than the page.
 */
jest.setTimeout(180_000);

describe('Proposed roster changes in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    ({ t, browser, baseUrl } = await startBrowserApp());
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  /** A member on the roster who moves to a company with a long name (as the portal's form saves it). */
  async function memberWhoMoves(name: string) {
    const member = await signInAs(t, { role: 'member', name });
    await t.app.get(TenureRepository).create(
      buildTenure({
        person: name,
        company: 'Acme Industrial',
        start: '2014-06-01',
        memberId: String(member.member._id),
      }),
    );
    const profile = { name, company: 'Acme Industrial' };
    for (const fields of [profile, { ...profile, company: 'Northwestern Consolidated Telecommunications Holdings' }]) {
      await member.agent
        .post('/portal/profile')
        .type('form')
        .send({ _csrf: member.csrfToken, ...profileForm(fields) })
        .expect(303);
    }
  }

  it('lists the proposals and accepts one through its confirmation, at 1280 and 390 px', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    for (const phone of [false, true]) {
      const size = phone ? 'phone' : 'desktop';
      const name = phone ? 'Phone Mover' : 'Desktop Mover';
      await memberWhoMoves(name);
      const { context, page } = await signedInPage(browser, baseUrl, staff, { phone, javaScript: false });
      await page.goto(`${baseUrl}/admin/roster`);
      await page.getByRole('link', { name: /Proposed changes \(1 waiting\)/ }).click();
      await page.getByRole('heading', { name: 'Proposed roster changes' }).waitFor();
      await expect(page.locator('#proposals').textContent()).resolves.toContain(name);
      expect(await fitsWidth(page)).toBe(true);
      await keepScreenshot(page, `roster-proposals-${size}`);

      await page.getByRole('link', { name: 'Accept…' }).click();
      await page.getByRole('heading', { name: 'Record this move on the roster?' }).waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await keepScreenshot(page, `roster-proposal-accept-${size}`);
      await page.getByLabel('I confirm: record the move').check();
      await page.getByRole('button', { name: 'Record the move' }).click();
      await page.getByText(`Accepted: The tenure of ${name} at Acme Industrial ends on`).waitFor();
      await page.locator('#no-proposals').waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await keepScreenshot(page, `roster-proposals-accepted-${size}`);
      await context.close();
    }
  });
});
