import { CommentRepository } from '@roundtable/blog';
import type { TestApp } from './create-test-app';
import { restamp } from './stored';

export type CommentFields = NonNullable<Parameters<CommentRepository['create']>[0]>;
export type BuiltComment = Awaited<ReturnType<CommentRepository['create']>>;

/**
 * A guest's comment on a post, waiting for a moderator unless `overrides` say otherwise; written as
 * the app writes it. `at` stores it as written (and last changed) then, for lists ordered by time.
 */
export async function buildGuestComment(
  t: TestApp,
  postId: string,
  overrides: Partial<CommentFields> = {},
  options: { at?: Date } = {},
): Promise<BuiltComment> {
  const comment = await t.app.get(CommentRepository).create({
    postId,
    parentId: null,
    memberId: null,
    authorName: 'Guest Reader',
    guestEmail: 'guest@example.test',
    body: 'A question for the author.',
    status: 'pending',
    notifyReplies: false,
    notified: false,
    ...overrides,
  });
  if (options.at) {
    await restamp(t, 'Comment', { _id: comment._id }, { createdAt: options.at, updatedAt: options.at });
    return { ...comment, createdAt: options.at, updatedAt: options.at };
  }
  return comment;
}

/** Moves when the comment with this body was written, as if the clock had moved on since. */
export async function backdateComment(t: TestApp, body: string, createdAt: Date): Promise<void> {
  await restamp(t, 'Comment', { body }, { createdAt });
}
