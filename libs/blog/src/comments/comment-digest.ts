/** A stored record's id as the repository reads it (an ObjectId) or as text: the digest only compares its text. */
type RecordId = string | { toHexString(): string };

/** What the digest needs of a comment. */
export interface DigestComment {
  _id: RecordId;
  postId: string;
  memberId: string | null;
  authorName: string;
  body: string;
  status: string;
  createdAt: Date;
}

/** Comments listed in one email; the rest are counted. */
export const DIGEST_SHOWN = 30;
const EXCERPT = 280;

/** A comment's text cut to a short excerpt at a word boundary. */
export function excerptOf(body: string, length = EXCERPT): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) {
    return flat;
  }
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * One subscriber's digest from the comments read for every subscriber: those written after their
 * window began, not their own, with the post's title and a link path; pending ones are counted
 * (they wait for moderation). Pure.
 */
export function digestItems(
  comments: DigestComment[],
  posts: { _id: RecordId; title: string; slug: string }[],
  options: { after: Date; exceptMemberId: string },
) {
  const byId = new Map(posts.map((post) => [String(post._id), post]));
  const all = comments
    .filter((comment) => comment.createdAt > options.after && comment.memberId !== options.exceptMemberId)
    .filter((comment) => comment.status === 'approved' || comment.status === 'pending')
    .map((comment) => {
      const post = byId.get(comment.postId);
      const pending = comment.status === 'pending';
      return {
        author: comment.authorName,
        excerpt: excerptOf(comment.body),
        pending,
        postTitle: post?.title ?? 'a post',
        // A pending comment is not on the post yet: it waits in the moderation queue.
        path:
          pending || !post
            ? `/admin/comments#pending-${String(comment._id)}`
            : `/blog/${post.slug}#comment-${String(comment._id)}`,
      };
    });
  return { all, shown: all.slice(0, DIGEST_SHOWN), pending: all.filter((item) => item.pending).length };
}
