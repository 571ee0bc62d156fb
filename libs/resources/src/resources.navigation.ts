import { SIGNED_IN } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** The library is open to everyone (visitors see what is in it); staff manage it from its page. */
export const RESOURCES_NAVIGATION: NavigationEntry[] = [
  { label: 'Library', href: '/resources', roles: ['visitor', ...SIGNED_IN], order: 55 },
];
