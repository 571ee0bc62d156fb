import type { Browser } from 'playwright-core';
import { MailService, renderMail } from '@roundtable/mail';
import { keepScreenshot, launchBrowser, newPage } from '../support/browser';
import { createTestApp, TestApp } from '../support/create-test-app';
import { deliverAndRead } from '../support/mailbox';

/** The HTML email layout as a person reads it: in the local mailbox, on a phone and on a laptop. */
jest.setTimeout(30_000);

describe('The email layout in the local mailbox', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it.each([
    ['phone', true],
    ['laptop', false],
  ])('shows the wordmark, the text and a button that fits on a %s', async (label, phone) => {
    const to = `layout-${label}@example.test`;
    const longLink = `https://council.test/portal/${'x'.repeat(90)}`;
    await t.app.get(MailService).queue({
      to,
      subject: 'We received your application to Roundtable',
      ...renderMail('portal/email/application-received', { name: 'Ada Lovelace', portalUrl: longLink }),
    });
    const mail = await deliverAndRead(t, to, /We received your application/);

    const { context, page } = await newPage(browser, { phone });
    // The mailbox shows the HTML part in a sandboxed frame; open the part alone at the device's width.
    await page.setContent(mail.html);
    expect(await page.getByText('Roundtable', { exact: true }).isVisible()).toBe(true);
    const button = page.getByRole('link', { name: 'See your application' });
    expect(await button.isVisible()).toBe(true);
    expect(await button.getAttribute('href')).toBe(longLink);
    const box = (await button.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(40); // a finger-sized target
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await keepScreenshot(page, `email-layout-${label}`);

    await page.goto(`${process.env.TEST_MAILBOX_URL}/messages/${mail.id}`);
    const frame = page.frameLocator('iframe');
    expect(await frame.getByRole('link', { name: 'See your application' }).isVisible()).toBe(true);
    await keepScreenshot(page, `email-in-mailbox-${label}`);
    await context.close();
  });
});
