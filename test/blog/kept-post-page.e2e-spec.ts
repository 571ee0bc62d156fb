import request from 'supertest';
import { keptPages } from '@roundtable/core';
import { MemberRepository } from '@roundtable/members';
import { writeMembers } from '../support/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs, SignedIn } from '../support/sessions';

const MEMBER = { tier: 'associate', state: 'active', entitlements: ['members_posts', 'comment'] };
const SLUG = 'kept-for-members';

/**
 * A signed-in view of a post is rendered once and shared by members of one role (`PageAnswer.kept`),
 * each view getting its own CSRF token. `plain` is a second API process on the same database with the
 * page cache off, so it renders every view whole: the kept pages must be byte for byte what it gives
 * the same session.
 */
describe('A signed-in post page kept and shared by members', () => {
  let t: TestApp;
  let plain: TestApp;
  let author: SignedIn;

  const view = (who: SignedIn, app = t) =>
    request(app.app.getHttpServer()).get(`/blog/${SLUG}`).set('Cookie', who.cookie).expect(200);
  const comment = (who: SignedIn, body: string) =>
    who.agent.post(`/blog/${SLUG}/comments`).type('form').send({ _csrf: who.csrfToken, body }).expect(303);
  const csrfFields = (html: string) => [...html.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]);

  beforeAll(async () => {
    t = await createTestApp();
    plain = await createTestApp({
      env: { MONGODB_URI: `${process.env.TEST_MONGODB_URI}${t.databaseName}`, PAGE_CACHE_MAX_AGE_SECONDS: '0' },
    });
    author = await signInAs(t, { role: 'staff', name: 'Ada Author' });
    await author.agent
      .post('/admin/posts')
      .type('form')
      .send({ _csrf: author.csrfToken, title: 'Kept for members', bodyMarkdown: 'Shared text.', action: 'publish' })
      .expect(303);
  });
  afterAll(async () => {
    await plain.app.close();
    await t.close();
  });

  it('gives two members one rendering, each with their own token, identical to a whole render', async () => {
    const first = await signInAs(t, { role: 'member', name: 'First Reader', membership: MEMBER });
    const second = await signInAs(t, { role: 'member', name: 'Second Reader', membership: MEMBER });
    await view(first);
    const keptBefore = keptPages.size;
    const [one, two] = [(await view(first)).text, (await view(second)).text];
    // The second member's view used the first one's rendering: nothing new was kept.
    expect(keptPages.size).toBe(keptBefore);
    // The sign-out form and the comment form each carry the viewer's own token.
    expect(csrfFields(one)).toEqual([first.csrfToken, first.csrfToken]);
    expect(csrfFields(two)).toEqual([second.csrfToken, second.csrfToken]);
    expect(one).toBe((await view(first, plain)).text);
    expect(two).toBe((await view(second, plain)).text);
  });

  it("shows a member's own edit link to them alone, and a new comment and an edit on the next view", async () => {
    const writer = await signInAs(t, { role: 'member', name: 'Writer', membership: MEMBER });
    const reader = await signInAs(t, { role: 'member', name: 'Reader', membership: MEMBER });
    await view(writer);
    await view(reader);
    await comment(writer, 'First thoughts.');
    const [mine, theirs] = [(await view(writer)).text, (await view(reader)).text];
    expect(mine).toContain('First thoughts.');
    expect(theirs).toContain('First thoughts.');
    const [commentId] = /\/blog\/comments\/([a-f0-9]{24})\/edit/.exec(mine)?.slice(1) ?? [];
    expect(commentId).toBeDefined();
    expect(theirs).not.toContain('/edit"');
    expect(mine).toBe((await view(writer, plain)).text);
    expect(theirs).toBe((await view(reader, plain)).text);

    await writer.agent
      .post(`/blog/comments/${commentId}/edit`)
      .type('form')
      .send({ _csrf: writer.csrfToken, body: 'Second thoughts.' })
      .expect(303);
    const edited = (await view(reader)).text;
    expect(edited).toContain('Second thoughts.');
    expect(edited).not.toContain('First thoughts.');
  });

  it('follows a role change, a membership ending and a sign-out on the next view', async () => {
    const member = await signInAs(t, { role: 'member', name: 'Changing Member', membership: MEMBER });
    const members = t.app.get(MemberRepository);
    const before = (await view(member)).text;
    expect(before).toContain('Add a comment');
    expect(before).not.toContain('href="/admin"');

    await writeMembers(t, (stored) => stored.updateOne({ _id: member.member._id }, { $set: { role: 'staff' } }));
    const asStaff = (await view(member)).text;
    expect(asStaff).toContain('href="/admin"');
    expect(asStaff).toBe((await view(member, plain)).text);

    await writeMembers(t, (stored) => stored.updateOne({ _id: member.member._id }, { $set: { role: 'member' } }));
    await members.setMembership(String(member.member._id), { tier: 'associate', state: 'ended', entitlements: [] });
    const ended = (await view(member)).text;
    expect(ended).not.toContain('Add a comment');
    expect(ended).toContain('Your membership does not include commenting.');
    expect(ended).toBe((await view(member, plain)).text);

    await member.agent.post('/sign-out').type('form').send({ _csrf: member.csrfToken }).expect(303);
    const signedOut = (await view(member)).text;
    expect(signedOut).not.toContain('action="/sign-out"');
    expect(signedOut).toContain('to comment.');
  });
});
