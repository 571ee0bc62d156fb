/**
 * A member's change of company or title, as other features hear of it without importing the lib
 * that keeps the profile: the roster (@roundtable/roster) proposes a change of a member's tenure to
 * staff, and @roundtable/portal, where the member edits the profile, does not import the roster. The
 * roster's global module provides `PROFILE_CHANGES` with a `ProfileChangeListener`; the portal injects
 * it with `@Optional()` and does without when there is none.
 */
export const PROFILE_CHANGES = Symbol('roundtable:profile-changes');

/** The profile facts a change carries: company and title, and the company's attributes as the member gives them. */
export interface ProfileFacts {
  title: string;
  company: string;
  revenueBand: string | null;
  businessModel: string | null;
  industry: string | null;
  ccoModel: string | null;
}

export interface ProfileChange {
  memberId: string;
  /** The member's name as saved with the change. */
  name: string;
  /** The profile before the change (null when the member had none). */
  before: Pick<ProfileFacts, 'title' | 'company'> | null;
  after: ProfileFacts;
  at: Date;
}

export interface ProfileChangeListener {
  /** Called before the changed profile is saved, so a failure here saves nothing and the member can retry. */
  profileChanged(change: ProfileChange): Promise<void>;
}
