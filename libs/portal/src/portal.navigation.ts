import { SIGNED_IN, STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** The portal's links: joining for visitors, the portal, staff's queues in the staff area's People group. */
export const PORTAL_NAVIGATION: NavigationEntry[] = [
  { label: 'Applications', href: '/admin/applications', roles: STAFF, order: 10, group: 'people' },
  { label: 'Members', href: '/admin/members', roles: STAFF, order: 20, group: 'people' },
  { label: 'Become a member', href: '/join', roles: ['visitor'], order: 60 },
  // An applicant cannot choose a membership yet: their application is what they can act on.
  { label: 'My application', href: '/apply', roles: ['applicant'], order: 60 },
  { label: 'Portal', href: '/portal', roles: SIGNED_IN, order: 70 },
];
