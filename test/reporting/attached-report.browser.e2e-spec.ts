import type { Browser } from 'playwright-core';
import { ReportingWorkerModule } from '@roundtable/reporting';
import { fitsWidth, keepScreenshot, newPage, signedInPage, startBrowserApp } from '../support/browser';
import type { TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';
import { REPORT_ITEMS, reportFor } from './report-fixtures';

/**
 * Staff pick a published report in the post editor (Chromium, no JavaScript); the post page shows
 * its card to a member with the headline finding, and to a visitor without it, at 1280 and 390 px.
 */
jest.setTimeout(120_000);

describe('A report attached to a blog post, in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    ({ t, browser, baseUrl } = await startBrowserApp({ imports: [ReportingWorkerModule] }));
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('attaches the report in the editor and shows its card to members and, without findings, to visitors', async () => {
    // One staff member publishes the report (through the console), another writes the post.
    await reportFor(t, await signInAs(t, { role: 'staff' }), 'Accountabilities of the Chief Customer Officer, 2026');
    const staff = await signInAs(t, { role: 'staff' });
    const editor = await signedInPage(browser, baseUrl, staff, { javaScript: false });
    await editor.page.goto(`${baseUrl}/admin/posts/new`);
    await editor.page.getByLabel('Title').fill('What the council found this year');
    await editor.page.getByLabel('Post (Markdown)').fill('Our members answered the accountabilities survey.');
    await editor.page
      .getByLabel('Research report')
      .selectOption({ label: 'Accountabilities of the Chief Customer Officer, 2026' });
    await keepScreenshot(editor.page, 'attached-report-editor-desktop');
    await editor.page.getByRole('button', { name: 'Publish' }).click();
    await editor.page.getByText('Status: Published').waitFor();
    await editor.context.close();

    const member = await signInAs(t, {
      membership: { tier: 'council', state: 'active', entitlements: ['members_posts', 'comment', 'see_reports'] },
    });
    for (const phone of [false, true]) {
      const size = phone ? 'phone' : 'desktop';
      const reader = await signedInPage(browser, baseUrl, member, { phone, javaScript: false });
      await reader.page.goto(`${baseUrl}/blog/what-the-council-found-this-year`);
      const card = reader.page.locator('aside.report-card');
      await expect(card.textContent()).resolves.toContain(
        `The 3 most common: ${REPORT_ITEMS[0]}; ${REPORT_ITEMS[1]} (=2); ${REPORT_ITEMS[2]} (=2).`,
      );
      // The card fits the page: nothing wider than the viewport.
      expect(await fitsWidth(reader.page)).toBe(true);
      await keepScreenshot(reader.page, `attached-report-member-${size}`);
      await card.getByRole('link', { name: 'Read the report' }).click();
      await reader.page
        .getByRole('heading', { name: 'Accountabilities of the Chief Customer Officer, 2026' })
        .waitFor();
      await reader.context.close();

      const visitor = await newPage(browser, { phone, javaScript: false });
      await visitor.page.goto(`${baseUrl}/blog/what-the-council-found-this-year`);
      const locked = visitor.page.locator('aside.report-card');
      // The headline is public, as on the home page; the figures and the report are for members' tiers.
      await expect(locked.textContent()).resolves.toContain('The full report is for members');
      await expect(locked.textContent()).resolves.not.toContain('members answered');
      await keepScreenshot(visitor.page, `attached-report-visitor-${size}`);
      await visitor.context.close();
    }
  });
});
