import type { NavigationEntry } from '@roundtable/core';
import { SIGNED_IN } from './roles';

/** Signing in and out, last in the site navigation. Signing out is a POST (a form with CSRF). */
export const AUTH_NAVIGATION: NavigationEntry[] = [
  { label: 'Sign in', href: '/sign-in', roles: ['visitor'], order: 90 },
  { label: 'Sign out', href: '/sign-out', roles: SIGNED_IN, order: 90, method: 'post' },
];
