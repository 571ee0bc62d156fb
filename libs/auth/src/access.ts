import type { Role } from './roles';

/**
 * Who is staff and who is entitled to what: the one place these rules are written. Guards, services
 * and page models ask here; templates get the answers in their model. Pure, so specs test it alone.
 */

/** Someone with a role, as stored on the member (staff, admin, member, applicant). */
interface HasRole {
  role: Role | string;
}

/** Someone whose membership summary says what their tier grants now (see billing's summaries). */
interface HasMembership extends HasRole {
  membership: { entitlements: readonly string[] };
}

/** Staff run the council: admins are staff too. */
export function isStaff(who: HasRole | null | undefined): boolean {
  return who?.role === 'staff' || who?.role === 'admin';
}

/** Admins alone change what the council offers (tiers, prices). */
export function isAdmin(who: HasRole | null | undefined): boolean {
  return who?.role === 'admin';
}

/**
 * Whether someone may use an entitlement (`comment`, `members_posts`, `take_surveys`, …): staff may
 * use every one; a member those their membership grants now (billing empties the list when the
 * membership stops granting benefits); a visitor none.
 */
export function isEntitled(who: HasMembership | null | undefined, entitlement: string): boolean {
  if (!who) {
    return false;
  }
  return isStaff(who) || who.membership.entitlements.includes(entitlement);
}

/** The entitlements of `wanted` someone lacks (empty for staff). */
export function missingEntitlements(who: HasMembership, wanted: readonly string[]): string[] {
  return wanted.filter((entitlement) => !isEntitled(who, entitlement));
}
