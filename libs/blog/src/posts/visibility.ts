import { isEntitled, isStaff, type SessionMember } from '@roundtable/auth';
import type { Post } from './post.schema';

/**
 * Who may read a post's body. Public: everyone. Members: a membership granting `members_posts`.
 * Tiers: a membership in one of the post's tiers that currently grants benefits. Staff read all.
 */
export function canRead(post: Pick<Post, 'visibility' | 'tiers'>, viewer: SessionMember | undefined): boolean {
  if (post.visibility === 'public') {
    return true;
  }
  if (!viewer) {
    return false;
  }
  if (isStaff(viewer)) {
    return true;
  }
  const { tier, entitlements } = viewer.membership;
  if (post.visibility === 'members') {
    return isEntitled(viewer, 'members_posts');
  }
  return Boolean(tier && post.tiers.includes(tier) && entitlements.length > 0);
}

/** Whether readers see a post at all: published, or scheduled and its time has come. */
export function isPublished(post: Pick<Post, 'status' | 'publishedAt'>, now = new Date()): boolean {
  return (
    (post.status === 'published' || post.status === 'scheduled') && post.publishedAt !== null && post.publishedAt <= now
  );
}
