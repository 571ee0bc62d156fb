import request from 'supertest';
import { backdateComment } from '../support/comments';
import { createTestApp, TestApp } from '../support/create-test-app';
import { csrfFrom } from '../support/forms';
import { deliverAndRead, linkIn, mailTo } from '../support/mailbox';
import { signInAs, SignedIn } from '../support/sessions';

const MEMBER = { tier: 'associate', state: 'active', entitlements: ['members_posts', 'comment'] };

describe('Blog comments', () => {
  let t: TestApp;
  let staff: SignedIn;
  let author: SignedIn;

  const comment = (who: SignedIn, fields: Record<string, string>, slug = 'on-retention') =>
    who.agent
      .post(`/blog/${slug}/comments`)
      .type('form')
      .send({ _csrf: who.csrfToken, ...fields });
  const commentIds = (html: string) => [...html.matchAll(/id="comment-([a-f0-9]{24})"/g)].map((m) => m[1]);

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signInAs(t, { role: 'staff', name: 'Sam Staff' });
    author = await signInAs(t, { role: 'staff', name: 'Ada Author' });
    await author.agent
      .post('/admin/posts')
      .type('form')
      .send({ _csrf: author.csrfToken, title: 'On retention', bodyMarkdown: 'Keep them.', action: 'publish' })
      .expect(303);
  });
  afterAll(() => t.close());

  it('lets a member comment and another reply, emailing the author and the parent commenter', async () => {
    const first = await signInAs(t, { role: 'member', name: 'First Commenter', membership: MEMBER });
    // The form's "Email me when someone replies" box, ticked (a cleared box sends nothing: no emails).
    await comment(first, { body: 'Great point.\nSecond line.', notifyReplies: 'on' }).expect(303);
    const page = await first.agent.get('/blog/on-retention').expect(200);
    expect(page.text).toContain('<div class="comment-body"><p>Great point.<br />Second line.</p></div>');
    const [parentId] = commentIds(page.text);

    const toAuthor = await deliverAndRead(t, author.member.email, /New comment on “On retention”/);
    expect(toAuthor.text).toContain('First Commenter commented');
    expect(toAuthor.headers['list-unsubscribe']).toMatch(/\/blog\/unsubscribe\/post\//);

    const second = await signInAs(t, { role: 'member', name: 'Second Replier', membership: MEMBER });
    await comment(second, { body: 'I agree.', parentId }).expect(303);
    const reply = await deliverAndRead(t, first.member.email, /Second Replier replied to your comment/);
    expect(reply.text).toContain('I agree.');
    const thread = await request(t.app.getHttpServer()).get('/blog/on-retention').expect(200);
    expect(thread.text).toMatch(/First Commenter[\s\S]*class="reply"[\s\S]*Second Replier/);

    // A reply to a reply joins the same thread (one level).
    const [, replyId] = commentIds(thread.text);
    await comment(first, { body: 'Thanks!', parentId: replyId }).expect(303);
    const stored = await t.connection.collection('comments').findOne({ body: 'Thanks!' });
    expect(stored?.parentId).toBe(parentId);

    // The parent commenter turns reply emails off with the link in the email.
    const unsubscribe = new URL(linkIn(reply, 'http://127.0.0.1/blog/unsubscribe/'));
    const confirm = await first.agent.get(unsubscribe.pathname).expect(200);
    await first.agent
      .post(unsubscribe.pathname)
      .type('form')
      .send({ _csrf: csrfFrom(confirm.text) })
      .expect(200);
    const before = (await mailTo(first.member.email)).length;
    await comment(second, { body: 'One more.', parentId }).expect(303);
    await deliverAndRead(t, author.member.email, /New comment/);
    expect(await mailTo(first.member.email)).toHaveLength(before);
  });

  it('accepts no comments on posts that are not published', async () => {
    await author.agent
      .post('/admin/posts')
      .type('form')
      .send({ _csrf: author.csrfToken, title: 'Still a draft', bodyMarkdown: 'Soon.', action: 'save' })
      .expect(303);
    const me = await signInAs(t, { role: 'member', membership: MEMBER });
    await comment(me, { body: 'Early bird' }, 'still-a-draft').expect(404);
    expect(await t.connection.collection('comments').countDocuments({ body: 'Early bird' })).toBe(0);
  });

  it('lets members edit and delete their own comment within the window, and nobody else', async () => {
    const me = await signInAs(t, { role: 'member', membership: MEMBER });
    await comment(me, { body: 'Typo hree.' }).expect(303);
    const id = String((await t.connection.collection('comments').findOne({ body: 'Typo hree.' }))!._id);
    await me.agent
      .post(`/blog/comments/${id}/edit`)
      .type('form')
      .send({ _csrf: me.csrfToken, body: 'Typo here.' })
      .expect(303);
    expect(
      (
        await t.connection
          .collection('comments')
          .findOne({ _id: (await t.connection.collection('comments').findOne({ body: 'Typo here.' }))!._id })
      )?.body,
    ).toBe('Typo here.');
    const tooMany = await me.agent
      .post(`/blog/comments/${id}/edit`)
      .type('form')
      .send({ _csrf: me.csrfToken, body: 'Links: http://a.example http://b.example http://c.example' })
      .expect(422);
    expect(tooMany.text).toContain('A comment may carry at most 2 links.');
    expect(tooMany.text).toContain('>Links: http://a.example http://b.example http://c.example</textarea>');
    expect((await t.connection.collection('comments').findOne({ body: 'Typo here.' }))?._id.toString()).toBe(id);
    // A reply to it stays on the page after its parent is deleted.
    const replier = await signInAs(t, { role: 'member', name: 'Rory Replier', membership: MEMBER });
    await comment(replier, { body: 'Replying to the typo.', parentId: id }).expect(303);
    const other = await signInAs(t, { role: 'member', membership: MEMBER });
    await other.agent.post(`/blog/comments/${id}/delete`).type('form').send({ _csrf: other.csrfToken }).expect(404);
    await backdateComment(t, 'Typo here.', new Date(Date.now() - 20 * 60 * 1000));
    const late = await me.agent
      .post(`/blog/comments/${id}/delete`)
      .set('Accept', 'application/json')
      .type('form')
      .send({ _csrf: me.csrfToken });
    expect(late.status).toBe(403);
    expect(late.body.message).toContain('15 minutes');
    await backdateComment(t, 'Typo here.', new Date());
    await me.agent.post(`/blog/comments/${id}/delete`).type('form').send({ _csrf: me.csrfToken }).expect(303);
    const page = await request(t.app.getHttpServer()).get('/blog/on-retention').expect(200);
    expect(page.text).not.toContain('Typo here.');
    expect(page.text).toContain('Replying to the typo.');
  });

  it('refuses members without the comment entitlement, honeypot bots, link spam and floods', async () => {
    const reader = await signInAs(t, {
      role: 'member',
      membership: { tier: 'x', state: 'active', entitlements: ['members_posts'] },
    });
    await comment(reader, { body: 'Hello' }).expect(403);
    const me = await signInAs(t, { role: 'member', membership: MEMBER });
    await comment(me, { body: 'Buy now', website: 'http://spam.example' }).expect(400);
    // Wrong input shows the page again with the message and the text as typed.
    const links = await comment(me, { body: 'See http://a.example http://b.example http://c.example' }).expect(422);
    expect(links.text).toContain('A comment may carry at most 2 links.');
    expect(links.text).toContain('>See http://a.example http://b.example http://c.example</textarea>');
    for (let i = 0; i < 5; i += 1) {
      await comment(me, { body: `Comment ${i}` }).expect(303);
    }
    const flood = await comment(me, { body: 'Too many' }).set('Accept', 'application/json');
    expect(flood.status).toBe(429);
  });

  it('holds a guest’s first comment for approval when staff allow guests, and bans on request', async () => {
    const guest = request.agent(t.app.getHttpServer());
    const closed = await guest.get('/blog/on-retention');
    expect(closed.text).not.toContain('Your email (never shown)');
    await staff.agent
      .post('/admin/comments/settings')
      .type('form')
      .send({ _csrf: staff.csrfToken, guestComments: 'on' })
      .expect(303);

    const open = await guest.get('/blog/on-retention').expect(200);
    expect(open.text).toContain('Your email (never shown)');
    const typo = await guest
      .post('/blog/on-retention/comments')
      .type('form')
      .send({ _csrf: csrfFrom(open.text), name: 'Gus Guest', email: 'gus@', body: 'Kept words.' })
      .expect(422);
    expect(typo.text).toContain('<a href="#email">Please give a valid email address (it is never shown).</a>');
    expect(typo.text).toContain('value="Gus Guest"');
    expect(typo.text).toContain('>Kept words.</textarea>');
    const posted = await guest
      .post('/blog/on-retention/comments')
      .type('form')
      .send({ _csrf: csrfFrom(open.text), name: 'Gus Guest', email: 'gus@example.test', body: 'First time here.' })
      .expect(303);
    expect(posted.headers.location).toContain('comment=pending');
    const held = await guest.get(posted.headers.location).expect(200);
    expect(held.text).toContain('Your comment will appear here once our staff have approved it.');
    expect((await request(t.app.getHttpServer()).get('/blog/on-retention')).text).not.toContain('First time here.');

    const queue = await staff.agent.get('/admin/comments').expect(200);
    const id = /id="pending-([a-f0-9]{24})"/.exec(queue.text)![1];
    await staff.agent.post(`/admin/comments/${id}/approve`).type('form').send({ _csrf: staff.csrfToken }).expect(303);
    expect((await request(t.app.getHttpServer()).get('/blog/on-retention')).text).toContain('First time here.');
    await deliverAndRead(t, author.member.email, /New comment/);

    // Approved once, the guest's next comment appears at once.
    const again = await guest.get('/blog/on-retention');
    await guest
      .post('/blog/on-retention/comments')
      .type('form')
      .send({ _csrf: csrfFrom(again.text), name: 'Gus Guest', email: 'gus@example.test', body: 'Back again.' })
      .expect(303);
    expect((await request(t.app.getHttpServer()).get('/blog/on-retention')).text).toContain('Back again.');

    // Staff take down published comments from the moderation page: hide one, ban another's writer.
    const spammer = await signInAs(t, { role: 'member', membership: MEMBER });
    await comment(spammer, { body: 'Off-topic remark' }).expect(303);
    await comment(spammer, { body: 'Rude remark' }).expect(303);
    const moderation = await staff.agent.get('/admin/comments').expect(200);
    // Each recent comment's block starts with its id; find the block holding the body.
    const recentId = (body: string) =>
      moderation.text
        .split('id="recent-')
        .slice(1)
        .find((block) => block.includes(`<p>${body}</p>`))!
        .slice(0, 24);
    expect(moderation.text).toContain('on <a href="/blog/on-retention">On retention</a>');
    await staff.agent
      .post(`/admin/comments/${recentId('Off-topic remark')}/hide`)
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' })
      .expect(303);
    // Banning asks first, on a page of its own: the list links to it, and its form needs the tick.
    const rude = recentId('Rude remark');
    expect(moderation.text).toContain(`href="/admin/comments/${rude}/ban"`);
    const confirmPage = await staff.agent.get(`/admin/comments/${rude}/ban`).expect(200);
    expect(confirmPage.text).toContain('Hide this comment and ban its writer?');
    expect(confirmPage.text).toContain('Rude remark');
    expect(confirmPage.text).toContain(`action="/admin/comments/${rude}/ban"`);
    const unticked = await staff.agent
      .post(`/admin/comments/${rude}/ban`)
      .type('form')
      .send({ _csrf: staff.csrfToken })
      .expect(422);
    expect(unticked.text).toContain('Please tick “I confirm” first');
    expect(unticked.text).toContain('aria-invalid="true"');
    expect((await t.connection.collection('comments').findOne({ body: 'Rude remark' }))?.status).toBe('approved');
    await comment(spammer, { body: 'Not banned yet' }).expect(303);
    await staff.agent
      .post(`/admin/comments/${rude}/ban`)
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' })
      .expect(303);
    await staff.agent.get(`/admin/comments/${rude}/destroy`).expect(400);
    const after = (await request(t.app.getHttpServer()).get('/blog/on-retention')).text;
    expect(after).not.toContain('Off-topic remark');
    expect(after).not.toContain('Rude remark');
    expect(after).toContain('Back again.');
    await comment(spammer, { body: 'Still here' }).expect(403);
  });
});
