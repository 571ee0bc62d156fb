import { CommentDigestService } from '@roundtable/blog';
import { backdateComment } from '../support/comments';
import { createTestApp, TestApp } from '../support/create-test-app';
import { deliverAndRead, mailTo } from '../support/mailbox';
import { signInAs, SignedIn } from '../support/sessions';

const MEMBER = { tier: 'associate', state: 'active', entitlements: ['members_posts', 'comment'] };
const HOUR = 60 * 60 * 1000;

describe('The staff digest of new comments', () => {
  let t: TestApp;
  let author: SignedIn;
  let digests: CommentDigestService;

  const comment = (who: SignedIn, body: string) =>
    who.agent.post('/blog/on-churn/comments').type('form').send({ _csrf: who.csrfToken, body }).expect(303);
  const choose = (who: SignedIn, frequency: string) =>
    who.agent.post('/admin/comments/digest').type('form').send({ _csrf: who.csrfToken, frequency });

  beforeAll(async () => {
    t = await createTestApp();
    digests = t.app.get(CommentDigestService);
    author = await signInAs(t, { role: 'staff', name: 'Ada Author' });
    await author.agent
      .post('/admin/posts')
      .type('form')
      .send({ _csrf: author.csrfToken, title: 'On churn', bodyMarkdown: 'Watch it.', action: 'publish' })
      .expect(303);
  });
  afterAll(() => t.close());

  it('sends a chosen staff member one email per hour listing the new comments, instead of one each', async () => {
    await choose(author, 'hourly').expect(303);
    const page = await author.agent.get('/admin/comments').expect(200);
    expect(page.text).toMatch(/<option value="hourly" selected>/);

    const first = await signInAs(t, { role: 'member', name: 'Morgan Member', membership: MEMBER });
    const second = await signInAs(t, { role: 'member', name: 'Riley Member', membership: MEMBER });
    await comment(first, 'Churn starts at onboarding.');
    await comment(second, 'We measure it quarterly.');
    await comment(author, 'My own comment is not news to me.');

    // Not an hour yet: nothing.
    expect(await digests.sendDue(new Date(Date.now() + 10 * 60 * 1000))).toBe(0);
    const inAnHour = new Date(Date.now() + HOUR);
    expect(await digests.sendDue(inAnHour)).toBe(1);
    const digest = await deliverAndRead(t, author.member.email, /2 new comments on the council blog/);
    expect(digest.text).toContain('Morgan Member on “On churn”');
    expect(digest.text).toContain('Churn starts at onboarding.');
    expect(digest.text).toContain('We measure it quarterly.');
    expect(digest.text).not.toContain('My own comment');
    expect(digest.html).toContain('<a class="mail-button" href="http://127.0.0.1/admin/comments"');
    expect(digest.html).toMatch(/href="http:\/\/127\.0\.0\.1\/blog\/on-churn#comment-[a-f0-9]{24}"/);
    // The author got no email per comment.
    expect((await mailTo(author.member.email)).filter((m) => /New comment on/.test(m.subject))).toHaveLength(0);

    // The window moved on: the same comments are not sent again, the next one is.
    expect(await digests.sendDue(new Date(inAnHour.getTime() + HOUR))).toBe(0);
    const later = await signInAs(t, { role: 'member', name: 'Later Member', membership: MEMBER });
    await later.agent
      .post('/blog/on-churn/comments')
      .type('form')
      .send({ _csrf: later.csrfToken, body: 'Late to the party.' })
      .expect(303);
    await backdateComment(t, 'Late to the party.', new Date(inAnHour.getTime() + HOUR + 30 * 60 * 1000));
    expect(await digests.sendDue(new Date(inAnHour.getTime() + 2 * HOUR))).toBe(1);
    const next = await deliverAndRead(t, author.member.email, /1 new comment on the council blog/);
    expect(next.text).toContain('Late to the party.');
    expect(next.text).not.toContain('Churn starts at onboarding.');
  });

  it('sends nothing to staff who chose no digest, and refuses a frequency it does not offer', async () => {
    const quiet = await signInAs(t, { role: 'admin', name: 'Quiet Admin' });
    await choose(quiet, 'daily').expect(303);
    await choose(quiet, 'off').expect(303);
    const refused = await choose(quiet, 'every minute');
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('every hour, once a day, or never');
    expect(
      await t.connection.collection('comment_digests').findOne({ _id: String(quiet.member._id) as never }),
    ).toBeNull();
  });
});
