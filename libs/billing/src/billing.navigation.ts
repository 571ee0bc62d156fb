import { SIGNED_IN, STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** Billing's links in the site navigation. */
export const BILLING_NAVIGATION: NavigationEntry[] = [
  { label: 'Billing', href: '/admin/billing', roles: STAFF, order: 30 },
  { label: 'Membership', href: '/membership', roles: SIGNED_IN, order: 60 },
];
