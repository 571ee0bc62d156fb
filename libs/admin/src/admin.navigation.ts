import { STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** One "Staff" entry in the site header leads to the staff area, whose own navigation lists its tools. */
export const ADMIN_NAVIGATION: NavigationEntry[] = [{ label: 'Staff', href: '/admin', roles: STAFF, order: 85 }];
