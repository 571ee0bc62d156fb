import type { Browser, BrowserContext } from 'playwright-core';
import { SESSION_COOKIE } from '@roundtable/auth';
import { keepScreenshot, launchBrowser, listen, newPage } from '../support/browser';
import { createTestApp, TestApp } from '../support/create-test-app';
import { SignedIn, signInAs } from '../support/sessions';

const MEMBER = { tier: 'associate', state: 'active', entitlements: ['members_posts', 'comment'] };
const SLUG = 'moderated-in-the-open';

describe('Comments in the browser (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let staff: SignedIn;

  const signInBrowser = async (context: BrowserContext, who: SignedIn) => {
    const value = decodeURIComponent(who.cookie.split('=').slice(1).join('='));
    await context.addCookies([{ name: SESSION_COOKIE, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  };
  const comment = (who: SignedIn, body: string) =>
    who.agent.post(`/blog/${SLUG}/comments`).type('form').send({ _csrf: who.csrfToken, body }).expect(303);

  beforeAll(async () => {
    t = await createTestApp();
    baseUrl = await listen(t);
    browser = await launchBrowser();
    staff = await signInAs(t, { role: 'staff', name: 'Sam Staff' });
    await staff.agent
      .post('/admin/posts')
      .type('form')
      .send({ _csrf: staff.csrfToken, title: 'Moderated in the open', bodyMarkdown: 'Say it well.', action: 'publish' })
      .expect(303);
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('bans a commenter only after a confirmation page, without JavaScript', async () => {
    const troll = await signInAs(t, { role: 'member', name: 'Terry Troll', membership: MEMBER });
    await comment(troll, 'You are all wrong and I will keep saying so.');
    const { context, page } = await newPage(browser, { phone: true, javaScript: false });
    await signInBrowser(context, staff);
    await page.goto(`${baseUrl}/admin/comments`);
    await page.getByRole('link', { name: 'Hide and ban the writer…' }).first().click();
    await page.getByRole('heading', { name: 'Hide this comment and ban its writer?' }).waitFor();
    expect(await page.getByText('Terry Troll (a member)').isVisible()).toBe(true);

    // Without the tick nothing happens: the page comes back with the box marked and the summary linking to it.
    await page.getByRole('button', { name: 'Hide and ban the writer' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.getByRole('checkbox', { name: /I confirm/ }).getAttribute('aria-invalid')).toBe('true');
    expect((await t.connection.collection('comments').findOne({ memberId: String(troll.member._id) }))?.status).toBe(
      'approved',
    );
    expect(await page.locator('.flash').count()).toBe(0);
    await keepScreenshot(page, 'comment-ban-confirmation-refused-390');

    await page.getByRole('checkbox', { name: /I confirm/ }).check();
    await page.getByRole('button', { name: 'Hide and ban the writer' }).click();
    await page.getByText('The comment is hidden and its writer banned.').waitFor();
    expect(page.url()).toBe(`${baseUrl}/admin/comments`);
    const settings = await t.connection.collection('blog_settings').findOne({ key: 'comments' });
    expect(settings?.bannedMemberIds).toContain(String(troll.member._id));
    await troll.agent
      .post(`/blog/${SLUG}/comments`)
      .type('form')
      .send({ _csrf: troll.csrfToken, body: 'Let me back in.' })
      .expect(403);
    await context.close();
  });
});
