import { renderMail } from './mail-templates';

/** Every email the platform sends, with a context like its sender's, and the address its button must open. */
const EMAILS: { name: string; context: Record<string, unknown>; button: string }[] = [
  {
    name: 'auth/email/sign-in-link',
    context: { minutes: 15, link: 'https://council.test/auth/email/verify?t=abc', code: '123456' },
    button: 'https://council.test/auth/email/verify?t=abc',
  },
  {
    name: 'portal/email/application-received',
    context: { name: 'Ada', portalUrl: 'https://council.test/portal' },
    button: 'https://council.test/portal',
  },
  {
    name: 'portal/email/application-approved',
    context: { name: 'Ada', membershipUrl: 'https://council.test/membership' },
    button: 'https://council.test/membership',
  },
  {
    name: 'portal/email/application-declined',
    context: { name: 'Ada', reason: 'Not yet.', applyUrl: 'https://council.test/apply' },
    button: 'https://council.test/apply',
  },
  {
    name: 'billing/email/welcome',
    context: {
      name: 'Ada',
      tierName: 'Council',
      portalUrl: 'https://council.test/portal',
      manageUrl: 'https://council.test/membership',
    },
    button: 'https://council.test/portal',
  },
  {
    name: 'billing/email/payment-failed',
    context: { name: 'Ada', graceDays: 14, billingPortalUrl: 'https://council.test/membership' },
    button: 'https://council.test/membership',
  },
  {
    name: 'billing/email/lapsed',
    context: { name: 'Ada', manageUrl: 'https://council.test/membership' },
    button: 'https://council.test/membership',
  },
  {
    name: 'blog/email/post-published',
    context: { name: 'Ada', title: 'On pricing', url: 'https://council.test/blog/on-pricing' },
    button: 'https://council.test/blog/on-pricing',
  },
  {
    name: 'blog/email/post-returned',
    context: { name: 'Ada', title: 'On pricing', note: 'Shorter, please.', editUrl: 'https://council.test/e/1' },
    button: 'https://council.test/e/1',
  },
  {
    name: 'blog/email/new-comment',
    context: {
      name: 'Ada',
      commenter: 'Grace',
      title: 'On pricing',
      body: 'Agreed.',
      postUrl: 'https://council.test/blog/on-pricing#comment-1',
      unsubscribeUrl: 'https://council.test/blog/unsubscribe/post/x',
    },
    button: 'https://council.test/blog/on-pricing#comment-1',
  },
  {
    name: 'blog/email/reply',
    context: {
      name: 'Ada',
      commenter: 'Grace',
      title: 'On pricing',
      body: 'Agreed.',
      postUrl: 'https://council.test/blog/on-pricing#comment-2',
      unsubscribeUrl: 'https://council.test/blog/unsubscribe/comment/x',
    },
    button: 'https://council.test/blog/on-pricing#comment-2',
  },
  {
    name: 'blog/email/comment-digest',
    context: {
      name: 'Ada',
      comments: [
        {
          author: 'Grace',
          postTitle: 'On pricing',
          excerpt: 'Agreed.',
          pending: false,
          url: 'https://council.test/b#c1',
        },
      ],
      more: 0,
      pending: 0,
      frequency: 'hourly',
      moderationUrl: 'https://council.test/admin/comments',
    },
    button: 'https://council.test/admin/comments',
  },
];

function buttonHref(html: string): string | undefined {
  return /<a class="mail-button" href="([^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&').replace(/&#35;/g, '#');
}

describe(renderMail.name, () => {
  it.each(EMAILS)(
    'renders $name in the layout with its button and keeps the plain text',
    ({ name, context, button }) => {
      const { text, html } = renderMail(name, context);
      expect(html).toMatch(/^<!doctype html>/i);
      expect(html).toContain('>Roundtable</span>'); // the wordmark
      expect(html).toContain('name="viewport"');
      expect(buttonHref(html)).toBe(button);
      expect(text).toContain(button);
      expect(text).not.toMatch(/<[a-z]/i);
      expect(text).not.toContain('&amp;');
    },
  );

  it('escapes what people wrote in the HTML part and keeps it as written in the text part', () => {
    const { text, html } = renderMail('blog/email/new-comment', {
      name: 'Ada',
      commenter: '<script>x</script>',
      title: 'Tom & Jerry',
      body: '<img src=x onerror=alert(1)>',
      postUrl: 'https://council.test/p',
      unsubscribeUrl: 'https://council.test/u',
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('Tom &amp; Jerry');
    expect(text).toContain('<script>x</script> commented on your post “Tom & Jerry”');
  });

  it('puts an email without an HTML template of its own in the layout, its links clickable', () => {
    // mail/plain has only the layout, so render a text-only template through the fallback.
    const { html } = renderMail('mail/test-text-only', { link: 'https://council.test/x?a=1&b=2' });
    expect(html).toContain('>Roundtable</span>');
    expect(html).toContain('<a href="https://council.test/x?a=1&amp;b=2"');
  });
});
