/**
 * Who someone is to the council. `visitor` is anyone not signed in; the others are stored on the
 * member record. Roles do not nest implicitly: a route lists every role it admits.
 */
export const ROLES = ['visitor', 'applicant', 'member', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type StoredRole = Exclude<Role, 'visitor'>;

/** Shorthands for the common sets, so routes read as intent. */
export const SIGNED_IN: Role[] = ['applicant', 'member', 'staff', 'admin'];
export const MEMBERS_AND_STAFF: Role[] = ['member', 'staff', 'admin'];
export const STAFF: Role[] = ['staff', 'admin'];
export const ADMIN: Role[] = ['admin'];
