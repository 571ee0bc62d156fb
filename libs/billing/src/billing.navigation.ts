import { STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** Billing's links in the site navigation. */
export const BILLING_NAVIGATION: NavigationEntry[] = [
  { label: 'Billing', href: '/admin/billing', roles: STAFF, order: 30 },
  { label: 'Tiers', href: '/admin/tiers', roles: ['admin'], order: 31 },
  // Applicants choose a tier only once approved, so the link is for members and staff.
  { label: 'Membership', href: '/membership', roles: ['member', 'staff', 'admin'], order: 60 },
];
