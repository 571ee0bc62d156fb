import type nunjucks from 'nunjucks';
import { createViewEnvironment, KeptValues } from '@roundtable/core';
import { commentThreads, type ThreadComment } from './comment-threads';

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

  /** The threads' HTML at `now` (blog/comment-threads.njk), rendered once per distinct outcome. */
  threadsHtml(viewerId: string | undefined, canComment: boolean, now: Date): string {
    const threads = commentThreads(this.comments, viewerId, now);
    const editable = threads.flatMap((thread) => [thread, ...thread.replies]).filter((view) => view.editable);
    const key = `${canComment}:${editable.map((view) => view.id).join(',')}`;
    const kept = this.renderings.get(key);
    if (kept) {
      return kept.html;
    }
    const html = views().render('blog/comment-threads.njk', { threads, canComment });
    this.renderings.set(key, { html });
    return html;
  }
}
