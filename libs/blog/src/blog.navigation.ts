import { SIGNED_IN, STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** The blog's links: staff's tools in the staff area's Content group, the blog for everyone. */
export const BLOG_NAVIGATION: NavigationEntry[] = [
  { label: 'Posts', href: '/admin/posts', roles: STAFF, order: 40, group: 'content' },
  { label: 'Comments to moderate', href: '/admin/comments', roles: STAFF, order: 41, group: 'content' },
  { label: 'Blog', href: '/', roles: ['visitor', ...SIGNED_IN], order: 50 },
];
