import { isStaff } from '@roundtable/auth';
import { grantsEntitlements, type MembershipState } from '@roundtable/billing';

/** A person as the directory sees them: their role and their membership's state as billing keeps it. */
interface Someone {
  role: string;
  membership?: { state: string } | null;
}

/**
 * Whether someone is in the council now: staff, or a member whose membership grants its benefits
 * (billing's rule: active, past due within grace, canceling until the period ends). The directory
 * admits only them and lists only them, so a member who lapsed or never paid neither reads peers'
 * details nor shows among them. Pure.
 */
export function inCouncilNow(someone: Someone): boolean {
  if (isStaff(someone)) {
    return true;
  }
  return someone.role === 'member' && grantsEntitlements((someone.membership?.state ?? 'none') as MembershipState);
}
