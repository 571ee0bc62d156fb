import { STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** What staff edit on the public site: the join page's quotes and the About, Privacy and Contact pages. */
export const SITE_NAVIGATION: NavigationEntry[] = [
  { label: 'Quotes on the join page', href: '/admin/site/quotes', roles: STAFF, order: 42, group: 'site' },
  { label: 'About page', href: '/admin/site/pages/about', roles: STAFF, order: 43, group: 'site' },
  { label: 'Privacy page', href: '/admin/site/pages/privacy', roles: STAFF, order: 44, group: 'site' },
  { label: 'Contact page', href: '/admin/site/pages/contact', roles: STAFF, order: 45, group: 'site' },
];
