import { SIGNED_IN, STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** The library is open to everyone (visitors see what is in it); staff manage it from /admin/resources. */
export const RESOURCES_NAVIGATION: NavigationEntry[] = [
  { label: 'Resources', href: '/admin/resources', roles: STAFF, order: 38 },
  { label: 'Library', href: '/resources', roles: ['visitor', ...SIGNED_IN], order: 55 },
];
