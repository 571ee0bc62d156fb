import type { Browser } from 'playwright-core';
import { addSession, keepScreenshot, newPage, startBrowserApp } from '../support/browser';
import type { TestApp } from '../support/create-test-app';
import { SignedIn, signInAs } from '../support/sessions';

const MEMBER = { tier: 'associate', state: 'active', entitlements: ['members_posts', 'comment'] };
const SLUG = 'moderated-in-the-open';

describe('Comments in the browser (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let staff: SignedIn;

  const comment = (who: SignedIn, body: string) =>
    who.agent.post(`/blog/${SLUG}/comments`).type('form').send({ _csrf: who.csrfToken, body }).expect(303);

  beforeAll(async () => {
    ({ t, browser, baseUrl } = await startBrowserApp());
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
    await addSession(context, baseUrl, staff);
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
    const ban = await t.connection.collection('blog_bans').findOne({ value: String(troll.member._id) });
    expect(ban?.kind).toBe('member');
    await troll.agent
      .post(`/blog/${SLUG}/comments`)
      .type('form')
      .send({ _csrf: troll.csrfToken, body: 'Let me back in.' })
      .expect(403);
    await context.close();
  });

  it('shows formatted comments on a phone, replies and edits on their own pages', async () => {
    const writer = await signInAs(t, { role: 'member', name: 'Fran Format', membership: MEMBER });
    await comment(
      writer,
      'We tried this *twice*. The **second** time we read [the council study](https://example.org/study) first and ran `churn --by-segment`:\n\n```\nsegment   churn\nSMB       11%\nEnterprise 4%\n```',
    );
    await comment(
      writer,
      'And this stays text: <b>not bold</b>, # not a heading, ![no image](https://example.org/x.png)',
    );
    const { context, page } = await newPage(browser, { phone: true });
    const reader = await signInAs(t, { role: 'member', name: 'Riley Reader', membership: MEMBER });
    await addSession(context, baseUrl, reader);
    await page.goto(`${baseUrl}/blog/${SLUG}`);
    const first = page.locator('.comment-body').first();
    expect(await first.locator('em').innerText()).toBe('twice');
    expect(await first.locator('strong').innerText()).toBe('second');
    expect(await first.locator('a').getAttribute('href')).toBe('https://example.org/study');
    expect(await first.locator('code').first().innerText()).toBe('churn --by-segment');
    expect(await first.locator('pre code').innerText()).toContain('Enterprise 4%');
    expect(await page.getByText('And this stays text: <b>not bold</b>').isVisible()).toBe(true);
    expect(await page.locator('.comment-body b, .comment-body img, .comment-body h1').count()).toBe(0);

    // Reply from the thread's reply page; write with Markdown.
    await page.getByRole('link', { name: 'Reply to Fran Format' }).first().click();
    // An empty reply is stopped in the browser (the field is required; the server's 422 has its e2e test).
    await page.getByRole('button', { name: 'Post reply' }).click();
    const reply = page.getByLabel('Your reply');
    expect(await reply.evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
    expect(page.url()).toMatch(/\/blog\/comments\/[a-f0-9]{24}\/reply$/);
    await keepScreenshot(page, 'comment-reply-page-390');
    await page.getByLabel('Your reply').fill('Same for us: **enterprise** churns least.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    await page.locator('.reply .comment-body strong').getByText('enterprise').waitFor();

    // Edit one's own reply on the edit page, within the window.
    await page.locator('.reply').getByRole('link', { name: 'Edit or delete' }).click();
    await page.getByRole('heading', { name: 'Edit your comment' }).waitFor();
    await keepScreenshot(page, 'comment-edit-page-390');
    await page.getByLabel('Your comment').fill('Same for us: **enterprise** churns least, by far.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.reply .comment-body').getByText('churns least, by far.').waitFor();
    expect(await page.locator('.flash').innerText()).toBe('Your comment is saved.');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    await page.locator('#comments').scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'blog-post-formatted-comments-390');
    await context.close();
  });
});
