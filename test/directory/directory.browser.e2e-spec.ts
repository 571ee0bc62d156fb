import type { Browser } from 'playwright-core';
import { seedDefaultTiers, TierRepository } from '@roundtable/billing';
import { keepScreenshot, signedInPage, startBrowserApp } from '../support/browser';
import type { TestApp } from '../support/create-test-app';
import { profileForm } from '../support/forms';
import { signInAs } from '../support/sessions';

/** A member chooses their directory listing on a phone without JavaScript, then finds themselves in it. */
jest.setTimeout(30_000);

describe('The directory listing in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    ({ t, browser, baseUrl } = await startBrowserApp());
    await seedDefaultTiers(t.app.get(TierRepository));
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('saves the choice with a message on the next page and shows the member as peers see them', async () => {
    const member = await signInAs(t, {
      role: 'member',
      name: 'Avery Listed',
      membership: { tier: 'council', state: 'active', entitlements: ['comment'] },
    });
    await member.agent
      .post('/portal/profile')
      .type('form')
      .send({ _csrf: member.csrfToken, ...profileForm({ name: 'Avery Listed', company: 'Northwind Mutual' }) })
      .expect(303);
    const { context, page } = await signedInPage(browser, baseUrl, member, { phone: true, javaScript: false });

    await page.goto(`${baseUrl}/portal/directory`);
    await page.getByLabel('List me in the members’ directory').check();
    await page.getByLabel('Job title').uncheck();
    await page.getByRole('button', { name: 'Save my listing' }).click();

    await page.getByText('Saved. Peers see you as shown below.').waitFor();
    expect(await page.getByLabel('List me in the members’ directory').isChecked()).toBe(true);
    expect(await page.getByLabel('Job title').isChecked()).toBe(false);
    await keepScreenshot(page, 'directory-choices-saved-390');

    await page.goto(`${baseUrl}/directory?q=northwind&utm_source=mail`);
    await page.getByRole('heading', { name: 'Avery Listed' }).waitFor();
    expect(await page.locator('#ignored-filters').count()).toBe(0);
    await context.close();
  });
});
