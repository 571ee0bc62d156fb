import type { Browser, Page } from 'playwright-core';
import { keepScreenshot, launchBrowser, listen, newPage } from '../support/browser';
import { createTestApp, TestApp } from '../support/create-test-app';
import { freePort } from '../../tools/servers/local-servers';
import { buildMember } from '../support/factories';
import { deliverAndRead, linkIn } from '../support/mailbox';

describe('Signing in through the real pages (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    // OAuth comes back to APP_BASE_URL, so the app listens where that says.
    const port = await freePort();
    t = await createTestApp({ env: { APP_BASE_URL: `http://127.0.0.1:${port}` } });
    baseUrl = await listen(t, port);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('asks for an email link on a phone, opens it, confirms, and lands on the portal', async () => {
    const member = await buildMember(t, { role: 'member', name: 'Morgan Ortiz' });
    const { context, page } = await newPage(browser, { phone: true });
    await page.goto(`${baseUrl}/portal`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel('Email address').fill(member.email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();

    const mail = await deliverAndRead(t, member.email, /sign-in link/);
    await page.goto(linkIn(mail, `${baseUrl}/sign-in/email/`));
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'Welcome, Morgan Ortiz' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/portal');
    expect(await page.getByText('No paid membership yet').isVisible()).toBe(true);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'rt.sid')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await keepScreenshot(page, 'portal-after-email-sign-in');
    await context.close();
  });

  it('keeps a 60-character unbroken address within 390 px, and a refused address beside its field', async () => {
    const local = 'executiveadvisorycouncilmembershipcoordinatoroftheyear2026xy';
    expect(local).toHaveLength(60);
    const email = `${local}@example.test`;
    const fits = (page: Page) =>
      page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    const { context, page } = await newPage(browser, { phone: true });

    // The browser takes "pat@localhost" as an address; we do not (no dot in the domain): 422, kept.
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill('pat@localhost');
    const refused = page.waitForResponse((response) => response.url().endsWith('/sign-in/email'));
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    expect((await refused).status()).toBe(422);
    await page.locator('#email-error').waitFor();
    expect(await page.locator('#email-error').textContent()).toContain('Please enter a valid email address');
    expect(await page.getByLabel('Email address').inputValue()).toBe('pat@localhost');
    expect(await page.getByLabel('Email address').getAttribute('aria-describedby')).toBe('email-error');
    await keepScreenshot(page, 'sign-in-refused-address-phone');

    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in/check-email');
    expect(await page.getByText(email).isVisible()).toBe(true);
    expect(await fits(page)).toBe(true);
    await keepScreenshot(page, 'check-email-long-address-phone');

    const mail = await deliverAndRead(t, email, /sign-in link/);
    await page.goto(linkIn(mail, `${baseUrl}/sign-in/email/`));
    await page.getByRole('heading', { name: `Sign in as ${email}?` }).waitFor();
    expect(await fits(page)).toBe(true);
    await keepScreenshot(page, 'confirm-long-address-phone');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Apply for membership' }).waitFor();
    await context.close();
  });

  it('asks for a link on a laptop and signs in there with the code from the mail', async () => {
    const member = await buildMember(t, { role: 'staff', name: 'Sam Staff' });
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(member.email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByLabel('Code from the email').waitFor();
    await keepScreenshot(page, 'check-email-with-code-form');

    const mail = await deliverAndRead(t, member.email, /sign-in link/);
    const code = /instead: (\d{3} \d{3})/.exec(mail.text)![1];
    await page.getByLabel('Code from the email').fill(code);
    await page.getByRole('button', { name: 'Sign in with the code' }).click();
    // Staff land on their home.
    await page.getByRole('heading', { name: 'Staff home' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin');
    // Staff see their areas in the navigation.
    expect(
      await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Applications' }).isVisible(),
    ).toBe(true);
    await context.close();
  });

  it('joins with LinkedIn (the local provider) without JavaScript: application, then the portal', async () => {
    const { context, page } = await newPage(browser, { javaScript: false });
    await page.goto(`${baseUrl}/join`);
    await page.getByRole('link', { name: 'Sign in with LinkedIn to apply' }).click();
    // The local provider's "sign in as" page, standing in for LinkedIn's.
    await page.getByLabel('Email').fill('new.applicant@example.test');
    await page.getByLabel('Name').fill('Nia Applicant');
    await page.getByRole('button', { name: 'Allow and sign in' }).click();
    await page.getByRole('heading', { name: 'Apply for membership' }).waitFor();
    expect(await page.getByLabel('Your name').inputValue()).toBe('Nia Applicant');
    await keepScreenshot(page, 'application-after-linkedin-sign-in');

    await page.getByLabel('Job title').fill('Chief Customer Officer');
    await page.getByLabel('Company', { exact: true }).fill('Northwind Traders');
    await page.getByLabel('Company annual revenue').selectOption('$100M–$1B');
    await page.getByLabel('Business model').selectOption('Both');
    await page.getByLabel('Industry').selectOption('Retail and consumer goods');
    await page.getByLabel('CCO model you work in').selectOption('Generalist');
    await page.getByLabel('You report to').selectOption('CEO');
    await page.getByLabel('Do you sit on a board?').selectOption('no');
    await page.getByLabel('Years in your role').fill('3');
    await page.getByRole('button', { name: 'Submit my application' }).click();

    await page.getByRole('heading', { name: 'Welcome, Nia Applicant' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/portal');
    expect(await page.getByText('Your application is being reviewed').isVisible()).toBe(true);
    await keepScreenshot(page, 'portal-after-linkedin-application');
    await context.close();
  });
});
