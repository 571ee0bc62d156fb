import type { PostRepository } from '../posts/post.repository';
import { renderCommentMarkdown } from './comment-markdown';
import type { CommentRepository } from './comment.repository';

/**
 * Seeds two approved comments and a reply on each of the first two demo posts that has no comment yet,
 * written by the given demo members. Returns how many comments were added.
 */
export async function seedDemoComments(
  posts: PostRepository,
  comments: CommentRepository,
  writers: Array<{ id: string; name: string }>,
): Promise<number> {
  const lines = [
    'Our board asked for exactly this list last quarter. Number 3 is where we are weakest: the metrics exist, nobody owns them.',
    'Interesting that culture ranks above strategy. In our company the **strategy** came first and the culture followed it.',
  ];
  const reply = 'Same here. We fixed it by giving each metric a named owner in the operating review.';
  let added = 0;
  for (const post of (await posts.listPublished(new Date(), { limit: 2 })).slice(0, 2)) {
    if ((await comments.listForPost(String(post._id))).length > 0) {
      continue;
    }
    let first: string | null = null;
    for (const [index, body] of lines.entries()) {
      const writer = writers[index % writers.length];
      const comment = await comments.create({
        postId: String(post._id),
        parentId: null,
        memberId: writer.id,
        authorName: writer.name,
        body,
        bodyHtml: renderCommentMarkdown(body),
        status: 'approved',
        notifyReplies: false,
        notified: true,
      });
      first ??= String(comment._id);
      added += 1;
    }
    const writer = writers[writers.length - 1];
    await comments.create({
      postId: String(post._id),
      parentId: first,
      memberId: writer.id,
      authorName: writer.name,
      body: reply,
      bodyHtml: renderCommentMarkdown(reply),
      status: 'approved',
      notifyReplies: false,
      notified: true,
    });
    added += 1;
  }
  return added;
}
