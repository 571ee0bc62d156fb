import { SIGNED_IN, STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** The blog's links in the site navigation. */
export const BLOG_NAVIGATION: NavigationEntry[] = [
  { label: 'Posts', href: '/admin/posts', roles: STAFF, order: 40 },
  { label: 'Comments', href: '/admin/comments', roles: STAFF, order: 41 },
  { label: 'Blog', href: '/', roles: ['visitor', ...SIGNED_IN], order: 50 },
];
