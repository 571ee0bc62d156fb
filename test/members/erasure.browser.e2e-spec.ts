import type { Browser } from 'playwright-core';
import { keepScreenshot, signedInPage, startBrowserApp } from '../support/browser';
import type { TestApp } from '../support/create-test-app';
import { buildMember } from '../support/factories';
import { writeMembers } from '../support/members';
import { signInAs } from '../support/sessions';

jest.setTimeout(120_000);

/** Staff erase a member from the member list in Chromium without JavaScript, at 1280 px and 390 px. */
describe('Erasing a member in the browser', () => {
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

  for (const phone of [false, true]) {
    it(`goes from the list to the confirmation page and erases (${phone ? '390' : '1280'} px)`, async () => {
      const name = phone ? 'Phoebe Phone' : 'Desmond Desktop';
      const member = await buildMember(t, { role: 'member', name });
      await writeMembers(t, (members) =>
        members.updateOne({ _id: member._id as never }, { $set: { deletionRequestedAt: new Date() } }),
      );
      const staff = await signInAs(t, { role: 'staff' });
      const { context, page } = await signedInPage(browser, baseUrl, staff, { phone, javaScript: false });

      await page.goto(`${baseUrl}/admin/members?deletion=requested`);
      await page.getByRole('link', { name: `Erase ${name}` }).click();
      await page.getByRole('heading', { name: `Erase ${name}` }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await keepScreenshot(page, `erasure-confirm-${phone ? 'phone' : 'desktop'}`);

      await page.getByRole('button', { name: `Erase ${name}` }).click();
      await page.waitForURL(/\/admin\/members\?deletion=requested$/);
      expect(await page.getByText(name).count()).toBe(0);
      expect(await t.connection.collection('members').countDocuments({ _id: member._id as never })).toBe(0);
      await context.close();
    });
  }
});
