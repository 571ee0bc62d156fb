import { Parser } from 'htmlparser2';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

/** Known stored-XSS payloads (OWASP's cheat sheet and friends), raw and in Markdown. */
const PAYLOADS = [
  '<script>alert("xss-1")</script>',
  '<ScRiPt src="https://evil.example/x.js"></ScRiPt>',
  '<img src=x onerror="alert(\'xss-2\')">',
  '<body onload=alert("xss-3")>',
  '<svg/onload=alert("xss-4")>',
  '<svg><script>alert("xss-5")</script></svg>',
  '<a href="javascript:alert(\'xss-6\')">click</a>',
  '<a href="JaVaScRiPt:alert(\'xss-7\')">click</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(\'xss-8\')">click</a>',
  '<a href="jav&#x09;ascript:alert(\'xss-9\')">click</a>',
  '[click](javascript:alert("xss-10"))',
  '[click](&#x6A;avascript:alert("xss-11"))',
  '![img](javascript:alert("xss-12"))',
  '![img](x" onerror="alert(\'xss-13\'))',
  '<iframe src="javascript:alert(\'xss-14\')"></iframe>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzLTE1Jyk8L3NjcmlwdD4="></object>',
  '<div style="background-image: url(javascript:alert(\'xss-16\'))">x</div>',
  '"><script>alert("xss-17")</script>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert("xss-18")></style></mglyph></table></mtext></math>',
  '<details open ontoggle=alert("xss-19")>',
  '<input autofocus onfocus=alert("xss-20")>',
];

/**
 * Parses the page as a browser would (htmlparser2, entities decoded) and fails on anything that
 * could run: a script other than our own assets, an element that executes or embeds (svg, iframe,
 * object, embed, math), any `on…` event attribute, a `style` attribute, or a script/data URL.
 */
function assertInert(html: string): void {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'script' && !(attributes.src ?? '').startsWith('/assets/')) {
          problems.push(`<script> ${JSON.stringify(attributes)}`);
        }
        if (['svg', 'iframe', 'object', 'embed', 'math', 'base'].includes(name)) {
          problems.push(`<${name}>`);
        }
        for (const [attribute, value] of Object.entries(attributes)) {
          const compact = [...value]
            .filter((char) => char.charCodeAt(0) > 0x20)
            .join('')
            .toLowerCase();
          if (attribute.startsWith('on') || attribute === 'style' || attribute === 'srcdoc') {
            problems.push(`<${name} ${attribute}="${value}">`);
          }
          if (
            ['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(attribute) &&
            /^(javascript|vbscript|data):/.test(compact)
          ) {
            problems.push(`<${name} ${attribute}="${value}">`);
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  expect(problems).toEqual([]);
}

describe('Stored XSS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has a check that catches live markup', () => {
    expect(() => assertInert('<p><img src=x onerror=alert(1)></p>')).toThrow();
    expect(() => assertInert('<a href="&#106;avascript:alert(1)">x</a>')).toThrow();
    expect(() => assertInert('<p>&lt;img src=x onerror=alert(1)&gt;</p>')).not.toThrow();
  });

  it('keeps every payload inert in posts, titles, tags and comments', async () => {
    const staff = await signInAs(t, { role: 'staff', name: '<img src=x onerror=alert("name")>' });
    await staff.agent
      .post('/admin/posts')
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        title: '<script>alert("title")</script> Payloads',
        slug: 'payloads',
        bodyMarkdown: PAYLOADS.join('\n\n'),
        excerpt: '<img src=x onerror=alert("excerpt")>',
        tags: '<script>, onload=alert(1)',
        coverImageUrl: 'https://img.example/x.png" onerror="alert(1)',
        action: 'publish',
      })
      .expect(303);
    const commenter = await signInAs(t, {
      role: 'member',
      name: '"><svg onload=alert("commenter")>',
      membership: { tier: 'associate', state: 'active', entitlements: ['comment'] },
    });
    for (const payload of PAYLOADS.slice(0, 4)) {
      await commenter.agent
        .post('/blog/payloads/comments')
        .type('form')
        .send({ _csrf: commenter.csrfToken, body: payload })
        .expect(303);
    }
    await request(t.app.getHttpServer())
      .post('/blog/payloads/comments')
      .type('form')
      .send({ body: '<script>alert("csrf")</script>' })
      .expect(403);

    for (const path of [
      '/blog/payloads',
      '/',
      '/feed.xml',
      '/sitemap.xml',
      '/search?q=payloads',
      `/authors/${String(staff.member._id)}`,
    ]) {
      const response = await request(t.app.getHttpServer()).get(path).expect(200);
      assertInert(response.text);
    }
    const page = await request(t.app.getHttpServer()).get('/blog/payloads').expect(200);
    // The text is still there, escaped, so readers see what was written.
    expect(page.text).toContain('&lt;script&gt;alert(&quot;xss-1&quot;)&lt;/script&gt;');
    expect(page.text).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; Payloads');
    const admin = await staff.agent.get('/admin/posts').expect(200);
    assertInert(admin.text);
    const edit = await staff.agent
      .get(`/admin/posts/${/\/admin\/posts\/([a-f0-9]{24})\/edit/.exec(admin.text)![1]}/edit`)
      .expect(200);
    assertInert(edit.text);
  });
});
