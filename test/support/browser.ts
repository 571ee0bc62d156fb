import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { SESSION_COOKIE } from '@roundtable/auth';
import { createTestApp, type TestApp } from './create-test-app';

/** Screenshots of browser tests are kept here (git-ignored) as test artifacts. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');

/**
 * Debian's Chromium, headless, with the flags this offline machine needs: without the
 * background-networking ones Chromium keeps trying Google's hosts and its connections are refused.
 * Playwright gives each launch a fresh, empty profile directory.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Starts the test app on a loopback port and returns its base URL (browsers need a real socket).
 * Pass the port the app's APP_BASE_URL names when the flow leaves the site and comes back (OAuth).
 */
export async function listen(t: TestApp, port = 0): Promise<string> {
  await t.app.listen(port, '127.0.0.1');
  const address = t.app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

export interface BrowserApp {
  t: TestApp;
  browser: Browser;
  /** Where the app listens, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
}

/**
 * A browser test's start: the test app (`createTestApp` with these options) listening on loopback,
 * and Chromium; the test closes both (`browser.close()`, then `t.close()`). `port`: listen there,
 * for flows that leave the site and come back (the caller built `env` around it).
 */
export async function startBrowserApp(
  options: Parameters<typeof createTestApp>[0] & { port?: number } = {},
): Promise<BrowserApp> {
  const { port = 0, ...appOptions } = options;
  const t = await createTestApp(appOptions);
  try {
    const baseUrl = await listen(t, port);
    return { t, browser: await launchBrowser(), baseUrl };
  } catch (error) {
    await t.close();
    throw error;
  }
}

/** A phone-sized or desktop page in a fresh context (its own cookies). */
export async function newPage(
  browser: Browser,
  options: { phone?: boolean; javaScript?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  return { context, page: await context.newPage() };
}

/**
 * Gives a browser context the session of someone signed in with `signInAs` (test/support/sessions):
 * the same cookie the app sets (httpOnly, SameSite=Lax), so the pages see them signed in.
 */
export async function addSession(context: BrowserContext, baseUrl: string, who: { cookie: string }): Promise<void> {
  const value = decodeURIComponent(who.cookie.split('=').slice(1).join('='));
  await context.addCookies([{ name: SESSION_COOKIE, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
}

/** A fresh page (as `newPage`) signed in as `who`. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  who: { cookie: string },
  options: { phone?: boolean; javaScript?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newPage(browser, options);
  await addSession(opened.context, baseUrl, who);
  return opened;
}

/** True when nothing on the page is wider than its viewport (no sideways scrolling). */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

/** Saves a full-page screenshot under test-artifacts/screenshots/<name>.png and returns its path. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
