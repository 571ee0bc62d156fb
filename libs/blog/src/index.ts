/** @roundtable/blog: the council blog — posts, guest posts, comments, feed and sitemap. */
export { BlogModule, BlogWorkerModule } from './blog.module';
export { CommentDigestService, CommentDigestJob, COMMENT_DIGEST_JOB } from './comments/comment-digest.service';
export { PostRepository } from './posts/post.repository';
/** Drafts other features write for staff (reporting's "Draft a post" from a published finding). */
export { PostDrafts, type DraftPost } from './posts/post-drafts.service';
/** The blog's list pages; the site's home page shows the latest posts through it. */
export { BlogPages } from './blog-pages.service';
export { CommentRepository, FORMER_MEMBER } from './comments/comment.repository';
export { seedDemoPosts } from './posts/demo-posts';
export { seedDemoComments } from './comments/demo-comments';
export { renderMarkdown } from './posts/markdown';
/** Runs at start-up; exported so a test can run it again over posts written the old way. */
export { SearchTermsBackfill } from './posts/search-terms.backfill';
/** Runs at start-up (moves unsubscribe tokens stored raw into hashed links); exported for the same reason. */
export { UnsubscribeLinks } from './comments/unsubscribe-links.service';
