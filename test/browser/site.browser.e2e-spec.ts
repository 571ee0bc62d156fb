import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SESSION_COOKIE } from '@roundtable/auth';
import { seedDefaultTiers, TierRepository } from '@roundtable/billing';
import { freePort } from '../../tools/servers/local-servers';
import { keepScreenshot, launchBrowser, listen, newPage } from '../support/browser';
import { createTestApp, TestApp } from '../support/create-test-app';
import { docxOf, executable } from '../support/documents';
import { profileForm } from '../support/forms';
import { SignedIn, signInAs } from '../support/sessions';

const COUNCIL = { tier: 'council', state: 'active', entitlements: ['members_posts', 'comment', 'see_reports'] };
const WIDTHS = [
  { label: '1280', phone: false },
  { label: '390', phone: true },
] as const;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('The public site, the library and the directory (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let staff: SignedIn;
  const document = docxOf('The Chief Customer Officer owns the total customer relationship.');

  async function signedInPage(who: SignedIn, phone: boolean): Promise<{ context: BrowserContext; page: Page }> {
    const opened = await newPage(browser, { phone });
    const value = decodeURIComponent(who.cookie.split('=').slice(1).join('='));
    await opened.context.addCookies([{ name: SESSION_COOKIE, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    return opened;
  }

  beforeAll(async () => {
    // OAuth comes back to APP_BASE_URL, so the app listens where that says.
    const port = await freePort();
    t = await createTestApp({ env: { APP_BASE_URL: `http://127.0.0.1:${port}` } });
    baseUrl = await listen(t, port);
    browser = await launchBrowser();
    await seedDefaultTiers(t.app.get(TierRepository));
    staff = await signInAs(t, { role: 'staff', name: 'Sam Staff' });
    await staff.agent
      .post('/admin/site/quotes')
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        quote: 'The one hour a month where everyone in the room does my job.',
        name: 'Avery Chen',
        title: 'Chief Customer Officer',
        company: 'Northwind Mutual',
        linkedinUrl: 'https://www.linkedin.com/in/avery-chen',
      })
      .expect(303);
    await staff.agent
      .post('/admin/posts')
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        title: 'The seven common accountabilities',
        bodyMarkdown: 'Returned by **60%** of members.',
        excerpt: 'What the role owns, by the council’s research.',
        action: 'publish',
      })
      .expect(303);
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it.each(WIDTHS)(
    'walks a visitor from the home page to the join page (prices shown) and into the application at $label px',
    async ({ label, phone }) => {
      const { context, page } = await newPage(browser, { phone, javaScript: false });
      await page.goto(`${baseUrl}/`);
      await page.getByRole('heading', { name: 'The council of Chief Customer Officers' }).waitFor();
      expect(await page.getByRole('link', { name: 'The seven common accountabilities' }).isVisible()).toBe(true);
      await keepScreenshot(page, `site-home-${label}`);

      await page.locator('main').getByRole('link', { name: 'Become a member' }).click();
      await page.getByRole('heading', { name: 'Join your peers — become a member' }).waitFor();
      for (const price of ['$600.00', '$2,400.00', '$500.00']) {
        expect(await page.getByText(price).isVisible()).toBe(true);
      }
      expect(await page.getByText('The one hour a month where everyone in the room does my job.').isVisible()).toBe(
        true,
      );
      expect(await page.getByText('Already a member?').isVisible()).toBe(true);
      await keepScreenshot(page, `site-join-${label}`);

      await page.getByRole('link', { name: 'Sign in with LinkedIn to apply' }).click();
      await page.getByLabel('Email').fill(`visitor.${label}@example.test`);
      await page.getByLabel('Name').fill(`Vic Visitor ${label}`);
      await page.getByRole('button', { name: 'Allow and sign in' }).click();
      await page.getByRole('heading', { name: 'Apply for membership' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/apply');
      await context.close();
    },
  );

  it('lets staff upload a document, refusing an executable with a message beside the field', async () => {
    const { context, page } = await signedInPage(staff, false);
    await page.goto(`${baseUrl}/admin/resources`);
    await page.getByLabel('Title').fill('The Chief Customer Officer job description');
    await page.getByLabel('Summary').fill('What the role owns, to whom it reports, and how its success is measured.');
    await page.getByLabel('Category').fill('Role definition');
    await page.getByLabel('Council Member').check();
    await page
      .getByLabel('Document')
      .setInputFiles({ name: 'job-description.pdf', mimeType: 'application/pdf', buffer: executable() });
    await page.getByRole('button', { name: 'Add to the library' }).click();
    // Beside the field, and linked from the summary at the top.
    await page.locator('#file-error', { hasText: 'The file’s name says PDF, but its content is not a PDF' }).waitFor();
    await page.getByRole('link', { name: 'The file’s name says PDF, but its content is not a PDF' }).waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('The Chief Customer Officer job description');
    expect(await page.getByLabel('Council Member').isChecked()).toBe(true);
    // The refused upload's page is at the form's own address: the CSRF token is not in the address bar.
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/admin/resources');
    await keepScreenshot(page, 'resources-admin-refused-1280');

    await page.getByLabel('Document').setInputFiles({
      name: 'CCO job description.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: document,
    });
    await page.getByRole('button', { name: 'Add to the library' }).click();
    await page.getByText('The document is in the library.').waitFor();
    await keepScreenshot(page, 'resources-admin-1280');
    await context.close();
  });

  it.each(WIDTHS)(
    'walks a member to the library and downloads the document byte for byte at $label px',
    async ({ label, phone }) => {
      const member = await signInAs(t, { role: 'member', name: `Morgan Member ${label}`, membership: COUNCIL });
      const { context, page } = await signedInPage(member, phone);
      await page.goto(`${baseUrl}/`);
      await page.getByRole('link', { name: 'Library' }).click();
      await page.getByRole('heading', { name: 'Resource library' }).waitFor();
      await keepScreenshot(page, `resources-library-${label}`);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download The Chief Customer Officer job description' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('CCO job description.docx');
      expect(sha256(readFileSync(await download.path()))).toBe(sha256(document));
      await context.close();
    },
  );

  it.each(WIDTHS)('walks a member to the directory and finds a listed peer at $label px', async ({ label, phone }) => {
    const peer = await signInAs(t, { role: 'member', name: `Avery Peer ${label}`, membership: COUNCIL });
    await peer.agent
      .post('/portal/profile')
      .type('form')
      .send({
        _csrf: peer.csrfToken,
        ...profileForm({ name: `Avery Peer ${label}`, company: 'Northwind Mutual', industry: 'Insurance' }),
      })
      .expect(303);
    const member = await signInAs(t, { role: 'member', name: `Dana Directory ${label}`, membership: COUNCIL });
    const { context, page } = await signedInPage(peer, phone);
    // The peer opts in from the portal, through the real form.
    await page.goto(`${baseUrl}/portal/profile`);
    await page.getByRole('link', { name: /Members’ directory/ }).click();
    await page.getByLabel('List me in the members’ directory').check();
    await page.getByLabel('LinkedIn profile').check();
    await page.getByRole('button', { name: 'Save my listing' }).click();
    await page.getByText('Saved. Peers see you as shown below.').waitFor();
    await keepScreenshot(page, `directory-choices-${label}`);
    await context.close();

    const reader = await signedInPage(member, phone);
    await reader.page.goto(`${baseUrl}/`);
    await reader.page.getByRole('link', { name: 'Directory' }).click();
    await reader.page.getByLabel('Industry').selectOption('Insurance');
    await reader.page.getByRole('button', { name: 'Search' }).click();
    await reader.page.getByRole('heading', { name: `Avery Peer ${label}` }).waitFor();
    expect(await reader.page.getByText(`Dana Directory ${label}`).count()).toBe(0);
    await keepScreenshot(reader.page, `directory-${label}`);
    await reader.context.close();
  });
});
