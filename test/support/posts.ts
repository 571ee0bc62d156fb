import { PostRepository } from '@roundtable/blog';
import type { TestApp } from './create-test-app';
import { modelOf, restamp } from './stored';

export type PostFields = NonNullable<Parameters<PostRepository['create']>[0]>;
export type BuiltPost = Awaited<ReturnType<PostRepository['create']>>;

let sequence = 0;

/**
 * A post written as the blog writes it (PostRepository.create): a staff draft titled and slugged
 * uniquely unless `overrides` say otherwise. `at` stores it as written (and last changed) then, for
 * lists ordered by those times.
 */
export async function buildPost(
  t: TestApp,
  overrides: Partial<PostFields> = {},
  options: { at?: Date } = {},
): Promise<BuiltPost> {
  sequence += 1;
  const title = overrides.title ?? `Post ${sequence}`;
  const post = await t.app.get(PostRepository).create({
    title,
    slug: `${title.toLowerCase().replace(/\W+/g, '-')}-${sequence}`,
    bodyMarkdown: 'Body',
    bodyHtml: '<p>Body</p>',
    excerpt: 'Body',
    authorId: 'author',
    authorName: 'Avery Author',
    status: 'draft',
    ...overrides,
  });
  if (options.at) {
    await restamp(t, 'Post', { _id: post._id }, { createdAt: options.at, updatedAt: options.at });
    return { ...post, createdAt: options.at, updatedAt: options.at };
  }
  return post;
}

/** Changes fields of the post with this slug as the blog's own edit does (PostRepository.update). */
export async function changePost(t: TestApp, slug: string, fields: Partial<PostFields>): Promise<void> {
  const posts = t.app.get(PostRepository);
  const post = await posts.findBySlug(slug);
  if (!post) {
    throw new Error(`No post has the slug ${slug}.`);
  }
  await posts.update(String(post._id), fields);
}

/**
 * A published post as a release before search terms stored it: no `searchTerms` field at all, which
 * the Post model would now add. For the start-up backfill that gives such posts their terms.
 */
export async function writeLegacyPostWithoutSearchTerms(
  t: TestApp,
  fields: { title: string; slug: string; tags: string[] },
): Promise<void> {
  const now = new Date();
  await modelOf(t, 'Post').collection.insertOne({
    previousSlugs: [],
    bodyMarkdown: 'x',
    bodyHtml: '<p>x</p>',
    excerpt: 'x',
    coverImageUrl: null,
    authorId: '000000000000000000000000',
    authorName: 'Old Author',
    guest: false,
    categories: [],
    status: 'published',
    visibility: 'public',
    tiers: [],
    publishedAt: new Date(Date.now() - 60_000),
    notifyAuthor: true,
    unsubscribeToken: 'old-token',
    createdAt: now,
    updatedAt: now,
    ...fields,
  });
}
