import type nunjucks from 'nunjucks';
import { createViewEnvironment, KeptValues } from '@roundtable/core';
import { commentThreads, EDIT_WINDOW_MS, type ThreadComment } from './comment-threads';

/** How many renderings one set of comments keeps (one per reply-links choice and editable set). */
export const RENDERINGS_MAX = 8;

let environment: nunjucks.Environment | undefined;

function views(): nunjucks.Environment {
  environment ??= createViewEnvironment();
  return environment;
}

/**
 * A post's comments as one reader sees them, with the HTML of their threads kept beside them: the
 * threads of 50 comments were most of a signed-in post page's rendering time, and they are the same
 * on every view until a comment changes (which changes the public-pages version these are kept under,
 * see BlogPages) or the reader's edit window on one of their own closes (part of the key below).
 */
export class RenderedComments<T extends ThreadComment> {
  private readonly renderings = new KeptValues<{ html: string }>({ max: RENDERINGS_MAX });

  constructor(readonly comments: T[]) {}

  /** How many renderings are held. */
  get renderingCount(): number {
    return this.renderings.size;
  }

  /**
   * What the threads' HTML depends on besides the comments everyone sees at this version: whether
   * reply links show, the reader's own comments still waiting for approval and those still inside
   * their edit window at `now`. Worked out without building the threads' views, on every view.
   */
  readerKey(viewerId: string | undefined, canComment: boolean, now: Date): string {
    const pending: string[] = [];
    const editable: string[] = [];
    for (const comment of this.comments) {
      if (comment.status === 'pending') {
        pending.push(String(comment._id));
      }
      if (viewerId && comment.memberId === viewerId && now.getTime() - comment.createdAt.getTime() < EDIT_WINDOW_MS) {
        editable.push(String(comment._id));
      }
    }
    return `${canComment}:${pending.join(',')}:${editable.join(',')}`;
  }

  /** The threads' HTML at `now` (blog/comment-threads.njk), rendered once per distinct `readerKey`. */
  threadsHtml(viewerId: string | undefined, canComment: boolean, now: Date): string {
    const key = this.readerKey(viewerId, canComment, now);
    const kept = this.renderings.get(key);
    if (kept) {
      return kept.html;
    }
    const threads = commentThreads(this.comments, viewerId, now);
    const html = views().render('blog/comment-threads.njk', { threads, canComment });
    this.renderings.set(key, { html });
    return html;
  }
}
