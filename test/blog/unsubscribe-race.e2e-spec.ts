import { PostRepository, UnsubscribeLinks } from '@roundtable/blog';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildMember } from '../support/factories';
import { buildPost } from '../support/posts';
import { signInAs, SignedIn } from '../support/sessions';

const MEMBER = { tier: 'associate', state: 'active', entitlements: ['members_posts', 'comment'] };

/**
 * An author who follows an email's unsubscribe link gets no more comment emails about the post. The
 * link used to set `notifyAuthor: false` on the post, and FerretDB writes a document back whole on
 * every update, so staff saving the post at that moment could put the flag back: the author, told
 * "unsubscribed", kept getting emails. The stop is now a document of its own.
 */
describe('Unsubscribing while the post is saved', () => {
  const ROUNDS = 8;
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  // A commenter of their own for each comment: comments are rate-limited per writer.
  const commenter = (): Promise<SignedIn> =>
    signInAs(t, { role: 'member', name: 'Casey Commenter', membership: MEMBER });
  const comment = async (slug: string, body: string) => {
    const writer = await commenter();
    await writer.agent.post(`/blog/${slug}/comments`).type('form').send({ _csrf: writer.csrfToken, body }).expect(303);
  };
  const mailsTo = (to: string) =>
    t.connection.collection('jobs').countDocuments({ type: 'mail.send', 'payload.to': to });

  it('sends the author no comment email afterwards, every time', async () => {
    const links = t.app.get(UnsubscribeLinks);
    const posts = t.app.get(PostRepository);
    for (let round = 0; round < ROUNDS; round++) {
      const author = await buildMember(t, { name: `Author ${round}` });
      const post = await buildPost(t, {
        status: 'published',
        publishedAt: new Date(Date.now() - 60_000),
        authorId: String(author._id),
        authorName: author.name,
      });
      const id = String(post._id);
      const token = new URL(await links.newLink('post', id)).pathname.split('/').pop()!;
      await Promise.all([
        posts.update(id, { excerpt: `Edited ${round}` }),
        links.unsubscribe('post', token),
        posts.update(id, { excerpt: `Edited again ${round}` }),
      ]);
      await comment(post.slug, `A comment ${round}`);
      expect({ round, mails: await mailsTo(author.email) }).toEqual({ round, mails: 0 });
    }
  });

  it('still sends the author comment emails when nobody unsubscribed', async () => {
    const author = await buildMember(t, { name: 'Subscribed Author' });
    const post = await buildPost(t, {
      status: 'published',
      publishedAt: new Date(Date.now() - 60_000),
      authorId: String(author._id),
      authorName: author.name,
    });
    await comment(post.slug, 'Hello author');
    expect(await mailsTo(author.email)).toBe(1);
  });
});
