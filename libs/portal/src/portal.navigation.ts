import { SIGNED_IN, STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** The portal's links in the site navigation: joining for visitors, the portal, staff's queues. */
export const PORTAL_NAVIGATION: NavigationEntry[] = [
  { label: 'Applications', href: '/admin/applications', roles: STAFF, order: 10 },
  { label: 'Members', href: '/admin/members', roles: STAFF, order: 20 },
  { label: 'Become a member', href: '/join', roles: ['visitor'], order: 60 },
  // An applicant cannot choose a membership yet: their application is what they can act on.
  { label: 'My application', href: '/apply', roles: ['applicant'], order: 60 },
  { label: 'Portal', href: '/portal', roles: SIGNED_IN, order: 70 },
];
