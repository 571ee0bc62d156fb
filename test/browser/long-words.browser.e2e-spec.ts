import type { Browser, Page } from 'playwright-core';
import { keepScreenshot, newPage, startBrowserApp } from '../support/browser';
import type { TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

/** Long unbroken words, addresses and URLs wrap instead of widening the page on a phone (390 px). */
jest.setTimeout(60_000);

const TITLE = 'Customerexperienceaccountabilitiesbenchmarkedacrosscouncil60'; // 60 characters, no break
const LONG_URL = `https://example.test/${'a'.repeat(80)}`;

describe('Long words on a phone', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  const fits = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

  beforeAll(async () => {
    expect(TITLE).toHaveLength(60);
    ({ t, browser, baseUrl } = await startBrowserApp());
    const staff = await signInAs(t, { role: 'staff' });
    await staff.agent
      .post('/admin/posts')
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        title: TITLE,
        bodyMarkdown: `See ${LONG_URL} and ${'x'.repeat(70)}.`,
        action: 'publish',
      })
      .expect(303);
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('keeps home, the post and the sign-in confirmation within 390 px', async () => {
    const { context, page } = await newPage(browser, { phone: true });
    await page.goto(`${baseUrl}/`);
    expect(await page.getByText(TITLE).first().isVisible()).toBe(true);
    expect(await fits(page)).toBe(true);
    await keepScreenshot(page, 'long-words-home-phone');

    await page.getByRole('link', { name: TITLE }).first().click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    expect(await fits(page)).toBe(true);
    await keepScreenshot(page, 'long-words-post-phone');

    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(`${'averyveryverylongname'.repeat(2)}.surname@example.test`);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    expect(await fits(page)).toBe(true);
    await keepScreenshot(page, 'long-words-sign-in-phone');
    await context.close();
  });
});
