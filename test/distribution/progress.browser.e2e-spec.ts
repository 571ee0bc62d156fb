import type { Browser, Page } from 'playwright-core';
import { SurveyBookkeeping } from '@roundtable/distribution';
import { JobRunner } from '@roundtable/jobs';
import { addSession, keepScreenshot, newPage, signedInPage, startBrowserApp } from '../support/browser';
import type { TestApp } from '../support/create-test-app';
import { signInAs, SignedIn } from '../support/sessions';
import { buildAudience, buildSurvey, runQueue } from './distribution-fixtures';

/**
 * Runs `step` on the page; the progress page reloads itself every few seconds while a distribution
 * runs, so a step cut off by that reload is run again on the reloaded page.
 */
async function onSettledPage<T>(page: Page, step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await page.waitForLoadState('load');
      return await step();
    } catch (error) {
      if (attempt >= 3 || !/context was destroyed|navigat/i.test(String(error))) {
        throw error;
      }
    }
  }
}

const fitsWidth = (page: Page) =>
  onSettledPage(page, () =>
    page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
  );

/** Staff's progress page in a browser, while a distribution runs and after it, at 1280 and 390 px. */
describe('The survey progress page /admin/surveys/:id/progress in a browser', () => {
  jest.setTimeout(90_000);
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let staff: SignedIn;
  let surveyId: string;

  beforeAll(async () => {
    ({ t, browser, baseUrl } = await startBrowserApp());
    await buildAudience(t, 30, `progress${Date.now().toString(36)}`);
    surveyId = await buildSurvey(t, 'Accountabilities of the chief customer officer, 2027 edition (council-wide)');
    staff = await signInAs(t, { role: 'staff', name: 'Sam Staff' });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('sends from the page, shows the distribution bar while it runs and the figures after, without sideways scroll', async () => {
    const { context, page } = await signedInPage(browser, baseUrl, staff);
    await page.goto(`${baseUrl}/admin/surveys/${surveyId}/progress`);
    await page.getByRole('button', { name: 'Send the survey' }).click();
    await page.waitForURL(`${baseUrl}/admin/surveys/${surveyId}/progress`);
    expect(await page.locator('.flash').textContent()).toContain('Distribution started');

    // While it runs: the distribution job has written the invitations, no batch has been sent yet.
    await t.app.get(JobRunner).runDue(1);
    await page.goto(`${baseUrl}/admin/surveys/${surveyId}/progress`);
    await onSettledPage(page, async () => {
      expect(await page.getByRole('progressbar').count()).toBe(1);
      expect(await page.locator('[data-figure="invited"]').textContent()).toBe('30');
      expect(await page.locator('[data-figure="queued"]').textContent()).toBe('30');
    });
    expect(await fitsWidth(page)).toBe(true);
    await onSettledPage(page, () => keepScreenshot(page, 'survey-progress-sending-laptop'));

    // After it: every invitation sent, the segments counted by the worker's reconcile.
    await runQueue(t);
    await t.app.get(SurveyBookkeeping).reconcile(surveyId);
    await page.goto(`${baseUrl}/admin/surveys/${surveyId}/progress`);
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await page.locator('[data-figure="sent"]').textContent()).toBe('30');
    // The segments counted by the reconcile, and the live invited/respondent shares of each attribute (tier, revenue band).
    expect(await page.getByRole('table').count()).toBe(3);
    expect(await fitsWidth(page)).toBe(true);
    await keepScreenshot(page, 'survey-progress-sent-laptop');

    // A new link for an address nobody was invited at: the page again, the address kept, the message beside it.
    await page.getByLabel('Send a member a new link').fill('nobody@example.test');
    const refused = page.waitForResponse((response) => response.url().endsWith('/resend'));
    await page.getByRole('button', { name: 'Send a new link' }).click();
    expect((await refused).status()).toBe(422);
    await page.waitForLoadState();
    expect(await page.locator('#email').inputValue()).toBe('nobody@example.test');
    expect(await page.locator('#email-error').textContent()).toContain('Nobody with the address nobody@example.test');
    expect(await page.locator('#email').getAttribute('aria-describedby')).toBe('email-error');
    expect(await page.locator('.error-summary a[href="#email"]').count()).toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    await keepScreenshot(page, 'survey-progress-resend-refused-laptop');
    await context.close();

    const phone = await newPage(browser, { phone: true });
    await addSession(phone.context, baseUrl, staff);
    await phone.page.goto(`${baseUrl}/admin/surveys/${surveyId}/progress`);
    expect(await fitsWidth(phone.page)).toBe(true);
    await keepScreenshot(phone.page, 'survey-progress-sent-phone');
    await phone.context.close();
  });
});
