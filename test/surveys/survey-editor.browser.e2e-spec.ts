import type { Browser } from 'playwright-core';
import { seedDefaultTiers, TierRepository } from '@roundtable/billing';
import { SurveyRepository } from '@roundtable/surveys';
import { keepScreenshot, signedInPage, startBrowserApp } from '../support/browser';
import type { TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

/** The survey editor's item list on a phone without JavaScript: each button is a plain submit. */
jest.setTimeout(30_000);

describe('The survey editor in the browser', () => {
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

  it('moves, adds and removes items without JavaScript, coming back where staff were working', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    const { context, page } = await signedInPage(browser, baseUrl, staff, { phone: true, javaScript: false });
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
    await keepScreenshot(page, 'survey-editor-moved-390');

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
