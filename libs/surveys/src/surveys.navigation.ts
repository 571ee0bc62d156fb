import { MEMBERS_AND_STAFF, STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** Surveys' links in the site navigation: staff's definition pages, a member's open surveys. */
export const SURVEYS_NAVIGATION: NavigationEntry[] = [
  { label: 'Surveys', href: '/admin/surveys', roles: STAFF, order: 35 },
  { label: 'Your surveys', href: '/portal/surveys', roles: MEMBERS_AND_STAFF, order: 75 },
];
