import { STAFF } from '@roundtable/auth';
import type { NavigationEntry } from '@roundtable/core';

/** Staff's survey definitions in the staff area; a member reaches their open surveys from the portal. */
export const SURVEYS_NAVIGATION: NavigationEntry[] = [
  { label: 'Surveys', href: '/admin/surveys', roles: STAFF, order: 35, group: 'research' },
];
