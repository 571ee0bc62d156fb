import type { Browser } from 'playwright-core';
import { seedDefaultTiers, TierRepository } from '@roundtable/billing';
import { ResponseRepository } from '@roundtable/surveys';
import { keepScreenshot, newPage, signedInPage, startBrowserApp } from '../support/browser';
import type { TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';
import { invite, openSurvey } from '../surveys/survey-fixtures';

// Chromium on a shared two-core machine: page loads take seconds.
jest.setTimeout(60_000);

describe('Answering a survey from the email link (Chromium, 390 px)', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let surveyId: string;

  beforeAll(async () => {
    ({ t, browser, baseUrl } = await startBrowserApp());
    surveyId = await openSurvey(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('answers without JavaScript: ticks, numbers, a repeated number refused with a linked message, then submitted', async () => {
    const { token, invitationId } = await invite(t, surveyId);
    const { context, page } = await newPage(browser, { phone: true, javaScript: false });
    await page.goto(`${baseUrl}/s/${token}`);
    await page.getByRole('heading', { name: 'Accountabilities 2026' }).waitFor();
    await keepScreenshot(page, 'survey-response-nojs-390');

    const which = page.getByRole('group', { name: /Which of these are yours today/ });
    await which.getByLabel('Customer strategy').check();
    await which.getByLabel('Customer-centric tactics').check();
    await which.getByLabel('Understanding customer needs').check();
    const rank = page.getByRole('group', { name: /Rank the ones you hold/ });
    await rank.getByLabel('Customer strategy').selectOption('1');
    await rank.getByLabel('Customer-centric tactics').selectOption('2');
    await rank.getByLabel('Understanding customer needs').selectOption('2');
    await page.getByRole('button', { name: 'Submit my response' }).click();

    const summary = page.getByRole('alert');
    await summary.getByText('Nothing was saved.').waitFor();
    await keepScreenshot(page, 'survey-response-nojs-error-390');
    await summary.getByRole('link', { name: /“Understanding customer needs” has the same priority \(2\)/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rank-i6');
    expect(await rank.getByLabel('Understanding customer needs').getAttribute('aria-invalid')).toBe('true');

    await rank.getByLabel('Understanding customer needs').selectOption('3');
    await page.getByRole('button', { name: 'Submit my response' }).click();
    await page.getByText('Thank you: your response is submitted.').waitFor();
    await keepScreenshot(page, 'survey-response-nojs-done-390');
    expect(await t.app.get(ResponseRepository).findById(invitationId)).toMatchObject({
      status: 'completed',
      held: ['i5', 'i1', 'i6'],
    });
    await context.close();
  });

  it('answers with JavaScript: ticked items appear in a list put in order with the keyboard, saved, then submitted', async () => {
    const { token, invitationId } = await invite(t, surveyId);
    const { context, page } = await newPage(browser, { phone: true, javaScript: true });
    await page.goto(`${baseUrl}/s/${token}`);
    const which = page.getByRole('group', { name: /Which of these are yours today/ });
    expect(await page.locator('[data-rank-selects]').isVisible()).toBe(false);
    await which.getByLabel('Customer strategy').check();
    await which.getByLabel('Customer-centric tactics').check();
    await which.getByLabel('Building customer relationships').check();
    const list = page.locator('.rank-list li');
    expect(await list.allInnerTexts()).toEqual([
      expect.stringContaining('Customer strategy'),
      expect.stringContaining('Customer-centric tactics'),
      expect.stringContaining('Building customer relationships'),
    ]);
    // Move "Building customer relationships" to the top with the keyboard.
    await page.getByRole('button', { name: 'Move up: Building customer relationships' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await list.first().innerText()).toContain('Building customer relationships');
    await page.getByText('Building customer relationships is now number 1 of 3.').waitFor({ state: 'attached' });
    await keepScreenshot(page, 'survey-response-js-390');

    await page.getByRole('button', { name: 'Save and finish later' }).click();
    await page.getByText('Your answers are saved.').waitFor();
    expect(await t.app.get(ResponseRepository).findById(invitationId)).toMatchObject({
      status: 'partial',
      held: ['i7', 'i5', 'i1'],
      ranked: 3,
    });
    // Back later: the list comes back in the saved order; unticking removes an item from it.
    expect(await list.first().innerText()).toContain('Building customer relationships');
    await which.getByLabel('Customer-centric tactics').uncheck();
    expect(await list.count()).toBe(2);
    await page.getByRole('button', { name: 'Submit my response' }).click();
    await page.getByText('Thank you: your response is submitted.').waitFor();
    await keepScreenshot(page, 'survey-response-js-done-390');
    expect(await t.app.get(ResponseRepository).findById(invitationId)).toMatchObject({
      status: 'completed',
      held: ['i7', 'i5'],
    });
    await context.close();
  });

  it('shows a clear page for a link that does not work', async () => {
    const { context, page } = await newPage(browser, { phone: true, javaScript: false });
    const response = await page.goto(`${baseUrl}/s/${'x'.repeat(43)}`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'We do not recognise this link' }).waitFor();
    await page.getByLabel('The email address your invitation was sent to').fill('me@example.test');
    await keepScreenshot(page, 'survey-link-problem-390');
    await page.getByRole('button', { name: 'Send me a new link' }).click();
    await page.getByText('the council staff will send a new link').waitFor();
    await context.close();
  });

  it('lets staff edit a survey at 1280 px and at 390 px', async () => {
    await seedDefaultTiers(t.app.get(TierRepository));
    const staff = await signInAs(t, { role: 'staff' });
    for (const phone of [false, true]) {
      const { context, page } = await signedInPage(browser, baseUrl, staff, { phone, javaScript: false });
      await page.goto(`${baseUrl}/admin/surveys`);
      await page.getByRole('button', { name: 'New survey' }).click();
      await page.getByRole('heading', { name: /^Edit: / }).waitFor();
      await page.getByRole('button', { name: 'Move item 2 up' }).click();
      await page.waitForURL(/#item-0$/);
      await page.waitForLoadState();
      // The "Saved." flash is checked over HTTP (survey-definition e2e): in a browser, a late
      // sub-resource request of the previous page can take the session's one-time flash first.
      expect(await page.getByLabel('Item 1', { exact: true }).inputValue()).toBe('Customer experience management');
      await keepScreenshot(page, `survey-editor-${phone ? 390 : 1280}`);
      await context.close();
    }
  });
});
