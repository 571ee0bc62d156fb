import { isStaff } from '@roundtable/auth';

/**
 * Who may download a resource. Pure. Staff and admins may download everything (their downloads
 * count under `staff`); a member may when their membership grants its benefits (billing's rule:
 * active, past due within grace, or canceling) and their tier is one of the resource's.
 */
export interface Reader {
  role: string;
  membership: { tier: string | null; state: string };
}

export type DownloadDecision =
  | { allowed: true; tier: string }
  | { allowed: false; reason: 'visitor' | 'not_a_member' | 'no_membership' | 'other_tier' };

export function downloadDecision(
  reader: Reader | undefined,
  resourceTiers: string[],
  grantsBenefits: (state: string) => boolean,
): DownloadDecision {
  if (!reader) {
    return { allowed: false, reason: 'visitor' };
  }
  if (isStaff(reader)) {
    return { allowed: true, tier: 'staff' };
  }
  if (reader.role !== 'member') {
    return { allowed: false, reason: 'not_a_member' };
  }
  const { tier, state } = reader.membership;
  if (!tier || !grantsBenefits(state)) {
    return { allowed: false, reason: 'no_membership' };
  }
  return resourceTiers.includes(tier) ? { allowed: true, tier } : { allowed: false, reason: 'other_tier' };
}

/** What the refused person reads, and where they can go from there. */
export const REFUSALS: Record<Exclude<DownloadDecision, { allowed: true }>['reason'], string> = {
  visitor: 'This document is for members of the council. Become a member, or sign in if you already are one.',
  not_a_member: 'This document is for members of the council. Your application comes first: see your portal.',
  no_membership: 'This document is for members with a paid membership. Choose your membership to download it.',
  other_tier: 'Your membership tier does not include this document. See the tiers that do on the membership page.',
};
