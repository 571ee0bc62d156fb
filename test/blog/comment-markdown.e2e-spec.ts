import { createHash } from 'node:crypto';
import { ObjectId } from 'mongodb';
import request from 'supertest';
import { CommentDigestService, UnsubscribeLinks } from '@roundtable/blog';
import { createTestApp, TestApp } from '../support/create-test-app';
import { csrfFrom } from '../support/forms';
import { deliverAndRead, linkIn } from '../support/mailbox';
import { changePost } from '../support/posts';
import { signInAs, SignedIn } from '../support/sessions';

const MEMBER = { tier: 'associate', state: 'active', entitlements: ['members_posts', 'comment'] };
const SLUG = 'on-formatting';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('Comment Markdown, the reply and edit pages, and hashed unsubscribe links', () => {
  let t: TestApp;
  let author: SignedIn;

  const comment = (who: SignedIn, fields: Record<string, string>) =>
    who.agent
      .post(`/blog/${SLUG}/comments`)
      .type('form')
      .send({ _csrf: who.csrfToken, ...fields });
  const publicPage = async () => (await request(t.app.getHttpServer()).get(`/blog/${SLUG}`).expect(200)).text;
  const idOf = async (body: string) => String((await t.connection.collection('comments').findOne({ body }))!._id);

  beforeAll(async () => {
    t = await createTestApp();
    author = await signInAs(t, { role: 'staff', name: 'Ada Author' });
    await author.agent
      .post('/admin/posts')
      .type('form')
      .send({ _csrf: author.csrfToken, title: 'On formatting', bodyMarkdown: 'Write well.', action: 'publish' })
      .expect(303);
  });
  afterAll(() => t.close());

  it('renders emphasis, strong, links, inline code and code blocks; the digest keeps the text as typed', async () => {
    await t.app.get(CommentDigestService).choose(String(author.member._id), 'hourly');
    const writer = await signInAs(t, { role: 'member', name: 'Fran Format', membership: MEMBER });
    const body =
      'I *mostly* agree, **strongly**: see [the study](https://example.org/s) and run `npm test`.\n\n```\nif (a < b) {}\n```';
    await comment(writer, { body }).expect(303);
    const page = await publicPage();
    expect(page).toContain(
      '<p>I <em>mostly</em> agree, <strong>strongly</strong>: see <a href="https://example.org/s" rel="nofollow ugc noopener">the study</a> and run <code>npm test</code>.</p>',
    );
    expect(page).toContain('<pre><code>if (a &lt; b) {}\n</code></pre>');
    // Stored as typed, with its HTML beside it.
    const stored = await t.connection.collection('comments').findOne({ body });
    expect(stored?.bodyHtml).toContain('<strong>strongly</strong>');

    const digests = t.app.get(CommentDigestService);
    expect(await digests.sendDue(new Date(Date.now() + 2 * 60 * 60 * 1000))).toBe(1);
    const digest = await deliverAndRead(t, author.member.email, /new comment/);
    expect(digest.text).toContain('I *mostly* agree, **strongly**');
    expect(digest.text).not.toMatch(/<(strong|em|a|code)[\s>]/);
  });

  it('lets no hostile markup through: raw HTML, javascript: links, images and headings show as text', async () => {
    const writer = await signInAs(t, { role: 'member', name: 'Hal Hostile', membership: MEMBER });
    const hostile = [
      '# Shouting heading',
      '<script>alert("c1")</script> <b onmouseover="alert(2)">bold?</b>',
      '[click me](javascript:alert("c3")) [data](data:text/html;base64,PHNjcmlwdD4=)',
      '![tracker](https://evil.example/pixel.png)',
      '<img src=x onerror=alert("c5")>',
    ].join('\n\n');
    await comment(writer, { body: hostile }).expect(303);
    const page = await publicPage();
    const id = await idOf(hostile);
    const html = page.slice(
      page.indexOf(`id="comment-${id}"`),
      page.indexOf('</div>', page.indexOf(`id="comment-${id}"`)),
    );
    expect(html).not.toMatch(/<(script|b|img|h1|h2|h3)[\s>]/i);
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html).not.toMatch(/<[^>]*\son(mouseover|error)=/i);
    // Readers still see what was written.
    expect(html).toContain('<p># Shouting heading</p>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<p>click me data</p>');
    expect(html).toContain('![tracker](https://evil.example/pixel.png)');
  });

  it('replies on a page of its own, keeping the text of a refused reply', async () => {
    const first = await signInAs(t, { role: 'member', name: 'Pat Parent', membership: MEMBER });
    await comment(first, { body: 'Who measures NPS monthly?' }).expect(303);
    const parentId = await idOf('Who measures NPS monthly?');
    const replier = await signInAs(t, { role: 'member', name: 'Rae Replier', membership: MEMBER });
    expect((await replier.agent.get(`/blog/${SLUG}`).expect(200)).text).toContain(
      `href="/blog/comments/${parentId}/reply"`,
    );
    const replyPage = await replier.agent.get(`/blog/comments/${parentId}/reply`).expect(200);
    expect(replyPage.text).toContain('Reply to Pat Parent');
    expect(replyPage.text).toContain(`action="/blog/comments/${parentId}/reply"`);
    const refused = await replier.agent
      .post(`/blog/comments/${parentId}/reply`)
      .type('form')
      .send({ _csrf: replier.csrfToken, body: 'We do: http://a.example http://b.example http://c.example' })
      .expect(422);
    expect(refused.text).toContain('<a href="#body">A comment may carry at most 2 links.</a>');
    expect(refused.text).toContain('>We do: http://a.example http://b.example http://c.example</textarea>');
    const posted = await replier.agent
      .post(`/blog/comments/${parentId}/reply`)
      .type('form')
      .send({ _csrf: replier.csrfToken, body: 'We do, *quarterly* really.', notifyReplies: 'on' })
      .expect(303);
    expect(posted.headers.location).toMatch(new RegExp(`^/blog/${SLUG}#comment-[a-f0-9]{24}$`));
    expect((await t.connection.collection('comments').findOne({ body: 'We do, *quarterly* really.' }))?.parentId).toBe(
      parentId,
    );
    expect(await publicPage()).toMatch(/class="reply"[\s\S]*We do, <em>quarterly<\/em> really\./);
    await replier.agent.get(`/blog/comments/${new ObjectId().toHexString()}/reply`).expect(404);
  });

  it('edits on a page of its own, within the window, the refused text kept', async () => {
    const me = await signInAs(t, { role: 'member', membership: MEMBER });
    await comment(me, { body: 'Frist!' }).expect(303);
    const id = await idOf('Frist!');
    const editPage = await me.agent.get(`/blog/comments/${id}/edit`).expect(200);
    expect(editPage.text).toContain('>Frist!</textarea>');
    const empty = await me.agent
      .post(`/blog/comments/${id}/edit`)
      .type('form')
      .send({ _csrf: me.csrfToken, body: '   ' })
      .expect(422);
    expect(empty.text).toContain('<a href="#body">Please write your comment.</a>');
    await me.agent
      .post(`/blog/comments/${id}/edit`)
      .type('form')
      .send({ _csrf: me.csrfToken, body: '**First**, then.' })
      .expect(303);
    const saved = await me.agent.get(`/blog/${SLUG}`).expect(200);
    expect(saved.text).toContain('Your comment is saved.');
    expect(await publicPage()).toContain('<p><strong>First</strong>, then.</p>');
    const other = await signInAs(t, { role: 'member', membership: MEMBER });
    await other.agent.get(`/blog/comments/${id}/edit`).expect(404);
  });

  it('stores only the hash of an emailed unsubscribe link, and old links stored raw keep working', async () => {
    const parent = await signInAs(t, { role: 'member', name: 'Una Unsub', membership: MEMBER });
    await comment(parent, { body: 'Reply to me, please.', notifyReplies: 'on' }).expect(303);
    const parentId = await idOf('Reply to me, please.');
    const replier = await signInAs(t, { role: 'member', name: 'Ray Reply', membership: MEMBER });
    await comment(replier, { body: 'Here you go.', parentId }).expect(303);
    const mail = await deliverAndRead(t, parent.member.email, /Ray Reply replied to your comment/);
    const url = new URL(linkIn(mail, 'http://127.0.0.1/blog/unsubscribe/comment/'));
    const token = url.pathname.split('/').pop()!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Nowhere is the token stored: the link is its hash, and comments and posts carry no token.
    expect(
      await t.connection.collection('blog_unsubscribe_links').findOne({ _id: sha256(token) as never }),
    ).toMatchObject({ kind: 'comment', targetId: parentId });
    const everything = JSON.stringify([
      await t.connection.collection('comments').find().toArray(),
      await t.connection.collection('posts').find().toArray(),
      await t.connection.collection('blog_unsubscribe_links').find().toArray(),
    ]);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('unsubscribeToken');
    // The email's link opens a page with a button (mail scanners follow links); the button stops the emails.
    const visitor = request.agent(t.app.getHttpServer());
    const confirm = await visitor.get(url.pathname).expect(200);
    const press = (path: string) =>
      visitor
        .post(path)
        .type('form')
        .send({ _csrf: csrfFrom(confirm.text) });
    await press(url.pathname).expect(200);
    const parentComment = await t.connection.collection('comments').findOne({ body: 'Reply to me, please.' });
    expect(await t.app.get(UnsubscribeLinks).stopped('comment', String(parentComment?._id))).toBe(true);
    // A link of the wrong kind, a made-up token, or a token that is not one: refused.
    await press(`/blog/unsubscribe/post/${token}`).expect(400);
    await press(`/blog/unsubscribe/comment/${'A'.repeat(43)}`).expect(400);
    await press('/blog/unsubscribe/comment/short').expect(400);

    // A link emailed before the change: its token (24 bytes, 32 characters) was stored raw on the post.
    const oldToken = 'Ab0_Cd1-Ef2_Gh3-Ij4_Kl5-Mn6_Op7-';
    await changePost(t, SLUG, { unsubscribeToken: oldToken });
    await t.app.get(UnsubscribeLinks).onApplicationBootstrap();
    const post = await t.connection.collection('posts').findOne({ slug: SLUG });
    expect(post).not.toHaveProperty('unsubscribeToken');
    expect((await visitor.get(`/blog/unsubscribe/post/${oldToken}`).expect(200)).text).toContain('Stop these emails?');
    await press(`/blog/unsubscribe/post/${oldToken}`).expect(200);
    expect(await t.app.get(UnsubscribeLinks).stopped('post', String(post?._id))).toBe(true);
  });
});
