import { momentInWords } from '../dates';
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
    date: momentInWords(comment.createdAt),
    editable: Boolean(
      viewerId && comment.memberId === viewerId && now.getTime() - comment.createdAt.getTime() < EDIT_WINDOW_MS,
    ),
  };
}

/**
 * A post's comments as threads: top-level comments in order, each with its replies (one level).
 * A reply whose parent was deleted or taken down stands on its own rather than vanishing.
 */
export function commentThreads(
  comments: ThreadComment[],
  viewerId: string | undefined,
  now: Date,
): Array<CommentView & { replies: CommentView[] }> {
  const shown = new Set(comments.filter((comment) => !comment.parentId).map((comment) => String(comment._id)));
  return comments
    .filter((comment) => !comment.parentId || !shown.has(comment.parentId))
    .map((comment) => ({
      ...commentView(comment, viewerId, now),
      replies: comments
        .filter((reply) => reply.parentId === String(comment._id))
        .map((reply) => commentView(reply, viewerId, now)),
    }));
}
