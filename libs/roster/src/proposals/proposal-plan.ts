import { createHash } from 'node:crypto';
import type { ProfileChange } from '@roundtable/core';
import { normaliseCompany, normalisePerson } from '../names';

/** What a tenure looks like to the plan (a stored tenure has more). */
export interface TenureView {
  _id: string;
  person: string;
  personKey: string;
  company: string;
  title: string;
  start: string;
  end: string | null;
  memberId: string | null;
}

/**
 * What accepting does: `company`, the member moved (the open tenure ends on `changeDate` and a new one
 * starts then, at the new company with the new title); `title`, same company, the tenure's title
 * becomes the new one.
 */
export type ProposalKind = 'company' | 'title';

export interface PlannedProposal {
  /** The proposal's `_id`: the tenure and what it becomes, so the same change proposed twice is one proposal. */
  id: string;
  tenureId: string;
  kind: ProposalKind;
}

const sameTitle = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();
const sameCompany = (a: string, b: string) => normaliseCompany(a) === normaliseCompany(b);

/**
 * The tenure a member's change is about: among the member's own tenures (linked by `memberId`) the
 * open one that started last, else the one that started last; when none is linked, an open tenure of
 * someone with the member's name at the member's former company that no other member holds. Null:
 * the member is not on the roster, and their profile proposes nothing.
 */
export function tenureOfMember(change: ProfileChange, own: TenureView[], namesakes: TenureView[]): TenureView | null {
  const latest = (tenures: TenureView[]) =>
    tenures.reduce<TenureView | null>((best, t) => (best === null || t.start > best.start ? t : best), null);
  if (own.length > 0) {
    return latest(own.filter((t) => t.end === null)) ?? latest(own);
  }
  const before = change.before;
  if (!before) {
    return null;
  }
  const personKey = normalisePerson(change.name);
  return latest(
    namesakes.filter(
      (t) =>
        t.end === null && t.memberId === null && t.personKey === personKey && sameCompany(t.company, before.company),
    ),
  );
}

/** Whether the roster already says what the profile now says (company and title). */
export function rosterAgrees(tenure: TenureView, after: ProfileChange['after']): boolean {
  return sameCompany(tenure.company, after.company) && sameTitle(tenure.title, after.title);
}

/**
 * Whether a change of profile proposes a change of this tenure, and which. Nothing when the member's
 * company and title did not change (a name or a revenue band edited), nor when the roster already
 * says what the profile now says. Company names compare normalised ("Acme Inc." is "ACME"), titles
 * without case or extra spaces.
 */
export function planProposal(change: ProfileChange, tenure: TenureView): PlannedProposal | null {
  const { before, after } = change;
  if (before && sameCompany(before.company, after.company) && sameTitle(before.title, after.title)) {
    return null;
  }
  if (rosterAgrees(tenure, after)) {
    return null;
  }
  const kind: ProposalKind = sameCompany(tenure.company, after.company) ? 'title' : 'company';
  const target = kind === 'company' ? `${normaliseCompany(after.company)}\u0000${after.title}` : after.title;
  const digest = createHash('sha256').update(`${kind}\u0000${target}`).digest('hex').slice(0, 16);
  return { id: `${tenure._id}-${digest}`, tenureId: tenure._id, kind };
}
