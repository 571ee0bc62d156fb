import { SIGNED_IN, STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** The library is open to everyone (visitors see what is in it); staff manage its files in the staff area. */
export const RESOURCES_NAVIGATION: NavigationEntry[] = [
  { label: 'Library files', href: '/admin/resources', roles: STAFF, order: 38, group: 'content' },
  { label: 'Library', href: '/resources', roles: ['visitor', ...SIGNED_IN], order: 55 },
];
