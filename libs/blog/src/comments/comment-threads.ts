import { formatDateTime } from '@roundtable/core';
import { renderCommentMarkdown } from './comment-markdown';

/** How long after posting a member may edit or delete their comment. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;

/** What a comment view needs of a stored comment. */
export interface ThreadComment {
  _id: { toString(): string };
  parentId: string | null;
  memberId: string | null;
  authorName: string;
  body: string;
  /** The body rendered when saved; comments saved before Markdown have none and are rendered here. */
  bodyHtml?: string | null;
  status: string;
  createdAt: Date;
  /** `createdAt` in words, when the caller keeps it already (views per data version, not per request). */
  dateInWords?: string;
}

export interface CommentView {
  id: string;
  authorName: string;
  bodyHtml: string;
  pending: boolean;
  date: string;
  editable: boolean;
}

/** One comment as pages show it: its HTML, its date in words, whether the viewer may still edit it. */
export function commentView(comment: ThreadComment, viewerId: string | undefined, now: Date): CommentView {
  return {
    id: String(comment._id),
    authorName: comment.authorName,
    bodyHtml: comment.bodyHtml ?? renderCommentMarkdown(comment.body),
    pending: comment.status === 'pending',
    date: comment.dateInWords ?? formatDateTime(comment.createdAt),
    editable: Boolean(
      viewerId && comment.memberId === viewerId && now.getTime() - comment.createdAt.getTime() < EDIT_WINDOW_MS,
    ),
  };
}

/**
 * A post's comments as threads: top-level comments in order, each with its replies (one level).
 * A reply whose parent was deleted or taken down stands on its own rather than vanishing. Linear in
 * the comments, each id converted once: it runs on every signed-in view of a post.
 */
export function commentThreads(
  comments: ThreadComment[],
  viewerId: string | undefined,
  now: Date,
): Array<CommentView & { replies: CommentView[] }> {
  const views = comments.map((comment) => commentView(comment, viewerId, now));
  const shown = new Set(comments.flatMap((comment, i) => (comment.parentId ? [] : [views[i].id])));
  const repliesTo = new Map<string, CommentView[]>();
  comments.forEach((comment, i) => {
    if (comment.parentId && shown.has(comment.parentId)) {
      const replies = repliesTo.get(comment.parentId) ?? [];
      replies.push(views[i]);
      repliesTo.set(comment.parentId, replies);
    }
  });
  return comments.flatMap((comment, i) =>
    comment.parentId && shown.has(comment.parentId) ? [] : [{ ...views[i], replies: repliesTo.get(views[i].id) ?? [] }],
  );
}
