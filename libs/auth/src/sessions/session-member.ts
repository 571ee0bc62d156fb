import type { StoredRole } from '../roles';

/**
 * The signed-in person as every request sees them (`request.member`), loaded from the member record
 * on each request so a role or membership change applies at once. Billing keeps `membership` up to
 * date; pages and guards read it, never Stripe.
 */
export interface SessionMember {
  id: string;
  email: string;
  name: string;
  role: StoredRole;
  membership: {
    tier: string | null;
    state: string;
    entitlements: string[];
  };
}

declare module 'express-session' {
  interface SessionData {
    memberId?: string;
    signedInAt?: number;
    /** Where to go after signing in; always a same-site path (see `safeReturnTo`). */
    returnTo?: string;
  }
}

declare module 'express-serve-static-core' {
  interface Request {
    member?: SessionMember;
  }
}
