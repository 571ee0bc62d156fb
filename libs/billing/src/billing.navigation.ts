import { STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** Billing's links: staff's figures, events and tiers in the staff area; a member's membership from the portal. */
export const BILLING_NAVIGATION: NavigationEntry[] = [
  { label: 'Billing overview', href: '/admin/billing', roles: STAFF, order: 30, group: 'billing' },
  { label: 'Billing events', href: '/admin/billing/events', roles: STAFF, order: 31, group: 'billing' },
  { label: 'Tiers', href: '/admin/tiers', roles: ['admin'], order: 32, group: 'billing' },
];
