import type { Browser } from 'playwright-core';
import { addSession, keepScreenshot, newPage, startBrowserApp } from '../support/browser';
import type { TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

const MEMBER = { tier: 'associate', state: 'active', entitlements: ['members_posts', 'comment'] };

describe('Reading and commenting on the blog (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    ({ t, browser, baseUrl } = await startBrowserApp());
    const staff = await signInAs(t, { role: 'staff', name: 'Sam Staff' });
    await staff.agent
      .post('/admin/posts')
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        title: 'The seven common accountabilities',
        bodyMarkdown:
          'Returned by **60%** of members.\n\n1. Customer-centric tactics\n2. Customer experience management',
        tags: 'research',
        action: 'publish',
      })
      .expect(303);
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('reads a post, signs in, comments, and sees a reply appear', async () => {
    const { context, page } = await newPage(browser, { phone: true });
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: 'The seven common accountabilities' }).click();
    await page.getByRole('heading', { name: 'The seven common accountabilities' }).waitFor();
    expect(await page.getByText('Sign in to comment').isVisible()).toBe(true);

    // Signed in as a member (the sign-in pages have their own browser test).
    const reader = await signInAs(t, { role: 'member', name: 'Riley Reader', membership: MEMBER });
    await addSession(context, baseUrl, reader);
    await page.reload();
    await page.getByLabel('Your comment').fill('Number 3 surprised me: metrics before culture.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator('.comment-body').getByText('Number 3 surprised me').waitFor();

    // Another member replies; the reader sees it under their comment.
    const replier = await signInAs(t, { role: 'member', name: 'Quinn Replier', membership: MEMBER });
    const postPage = await replier.agent.get('/blog/the-seven-common-accountabilities');
    const parentId = /id="comment-([a-f0-9]{24})"/.exec(postPage.text)![1];
    await replier.agent
      .post('/blog/the-seven-common-accountabilities/comments')
      .type('form')
      .send({ _csrf: replier.csrfToken, body: 'Same here: we measure first.', parentId })
      .expect(303);
    await page.reload();
    const reply = page.locator('.reply').getByText('Same here: we measure first.');
    await reply.waitFor();
    expect(await reply.isVisible()).toBe(true);

    // The reader answers in the thread from the reply page its Reply link opens (no JavaScript needed).
    await page.getByRole('link', { name: 'Reply to Riley Reader' }).click();
    await page.getByRole('heading', { name: 'Reply to Riley Reader' }).waitFor();
    await page.getByLabel('Your reply').fill('Glad it is not just us.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    const answer = page.locator('.reply .comment-body').getByText('Glad it is not just us.');
    await answer.waitFor();
    expect(await page.locator('.reply').count()).toBe(2);
    await keepScreenshot(page, 'blog-post-with-comment-and-reply');
    await context.close();
  });
});
