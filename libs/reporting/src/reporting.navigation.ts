import { MEMBERS_AND_STAFF, STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** Staff reach the console; members and staff reach the published research. */
export const REPORTING_NAVIGATION: NavigationEntry[] = [
  { label: 'Results console', href: '/admin/reports', roles: STAFF, order: 45, group: 'research' },
  { label: 'Research', href: '/reports', roles: MEMBERS_AND_STAFF, order: 65 },
];
