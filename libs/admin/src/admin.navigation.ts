import { STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** Staff's home comes first among the admin links. */
export const ADMIN_NAVIGATION: NavigationEntry[] = [{ label: 'Staff home', href: '/admin', roles: STAFF, order: 5 }];
