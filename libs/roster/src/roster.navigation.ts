import { ROLES, STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** Everyone reaches the census page; staff reach the roster they keep. */
export const ROSTER_NAVIGATION: NavigationEntry[] = [
  { label: 'Roster', href: '/admin/roster', roles: STAFF, order: 22, group: 'people' },
  { label: 'The role in numbers', href: '/census', roles: ROLES, order: 66 },
];
