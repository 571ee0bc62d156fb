import { CommentRepository } from '@roundtable/blog';
import type { TestApp } from './create-test-app';

/** A guest's comment on a post, waiting for a moderator unless `overrides` say otherwise; written as the app writes it. */
export async function buildGuestComment(
  t: TestApp,
  postId: string,
  overrides: Partial<Parameters<CommentRepository['create']>[0]> = {},
) {
  return t.app.get(CommentRepository).create({
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
}
