import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { seedDefaultTiers, TierRepository } from '@roundtable/billing';
import { SurveyRepository } from '@roundtable/surveys';
import { launchBrowser, listen, newPage, SCREENSHOT_DIR } from '../support/browser';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

/** The survey editor's item list on a phone without JavaScript: each button is a plain submit. */
jest.setTimeout(30_000);

describe('The survey editor in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDefaultTiers(t.app.get(TierRepository));
    baseUrl = await listen(t);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('moves, adds and removes items without JavaScript, coming back where staff were working', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    const { context, page } = await newPage(browser, { phone: true, javaScript: false });
    const [name, value] = staff.cookie.split('=');
    await context.addCookies([{ name, value, url: baseUrl }]);
    await page.goto(`${baseUrl}/admin/surveys`);
    await page.getByRole('button', { name: 'New survey' }).click();
    const id = /\/admin\/surveys\/([a-f0-9]{24})/.exec(page.url())![1];
    const item = (n: number) => page.getByLabel(`Item ${n}`, { exact: true });
    const fifth = await item(5).inputValue();
    const fourth = await item(4).inputValue();

    await page.getByRole('button', { name: 'Move item 5 up' }).click();
    await page.waitForURL(/#item-3$/);
    expect([await item(4).inputValue(), await item(5).inputValue()]).toEqual([fifth, fourth]);
    await page.getByText('Saved.').waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'survey-editor-moved-390.png') });

    await page.getByLabel('New item').fill('Customer data governance');
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.waitForURL(/#item-16$/);
    expect(await item(17).inputValue()).toBe('Customer data governance');

    await page.getByRole('button', { name: 'Remove item 1', exact: true }).click();
    await page.waitForURL(/#items$/);
    const survey = (await t.app.get(SurveyRepository).findById(id))!;
    expect(survey.items).toHaveLength(16);
    expect(survey.items[2].label).toBe(fifth);
    expect(survey.items[15]).toEqual({ key: 'i17', label: 'Customer data governance' });
    await context.close();
  });
});
