import type { Browser } from 'playwright-core';
import { fitsWidth, keepScreenshot, launchBrowser, listen, signedInPage } from '../support/browser';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs, SignedIn } from '../support/sessions';

/**
 * Staff preview a new post before its first save (Chromium, no JavaScript), at 1280 and 390 px: the
 * post appears above the editor as readers will see it, the fields keep what was typed, nothing is
 * saved until a save button, which then saves those same values.
 */
jest.setTimeout(120_000);

describe('Previewing a post in the editor (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let staff: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    baseUrl = await listen(t);
    browser = await launchBrowser();
    staff = await signInAs(t, { role: 'staff', name: 'Sam Staff' });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  for (const phone of [false, true]) {
    const size = phone ? '390' : '1280';
    it(`previews a new post, then saves it as previewed, at ${size} px`, async () => {
      const title = `Listening before acting (${size})`;
      const { context, page } = await signedInPage(browser, baseUrl, staff, { phone, javaScript: false });
      await page.goto(`${baseUrl}/admin/posts/new`);
      await page.getByLabel('Title').fill(title);
      await page
        .getByLabel('Post (Markdown)')
        .fill(
          'Most members **measure first**.\n\n1. Listen\n2. Decide\n\nSee https://example.org/a-very-long-address-that-must-wrap-on-a-phone-screen',
        );
      await page.getByLabel('Tags (comma-separated)').fill('Research, Listening');
      await page.getByRole('button', { name: 'Preview' }).click();

      const preview = page.locator('.post-preview article');
      await preview.getByRole('heading', { name: title }).waitFor();
      await expect(preview.locator('strong').textContent()).resolves.toBe('measure first');
      await expect(preview.locator('.post-body li').count()).resolves.toBe(2);
      await expect(preview.getByRole('link', { name: 'research' }).isVisible()).resolves.toBe(true);
      await expect(page.getByText('Preview: the post as readers will see it.').isVisible()).resolves.toBe(true);
      // The editor below kept every value.
      await expect(page.getByLabel('Title').inputValue()).resolves.toBe(title);
      await expect(page.getByLabel('Tags (comma-separated)').inputValue()).resolves.toBe('Research, Listening');
      // Nothing saved yet, and the page fits its width.
      expect(await t.connection.collection('posts').countDocuments({ title })).toBe(0);
      await expect(fitsWidth(page)).resolves.toBe(true);
      await keepScreenshot(page, `post-preview-${size}`);

      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText('Status: Draft').waitFor();
      const saved = await t.connection.collection('posts').findOne({ title });
      expect(saved?.tags).toEqual(['research', 'listening']);
      expect(saved?.bodyHtml).toContain('<strong>measure first</strong>');
      await context.close();
    });
  }
});
