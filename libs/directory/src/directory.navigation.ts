import { MEMBERS_AND_STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** The directory is for members and staff only. */
export const DIRECTORY_NAVIGATION: NavigationEntry[] = [
  { label: 'Directory', href: '/directory', roles: MEMBERS_AND_STAFF, order: 56 },
];
