/**
 * Who a survey's audience is, as a pure rule (no Nest, no mongoose): the definition page counts with
 * it and distribution invites with it, so both always agree.
 */
import type { SurveyAudience } from './survey.schema';
import { AUDIENCE_PROFILE_FIELDS } from './defaults';

/** The entitlement a member's tier must grant (while the membership grants anything) to be asked. */
export const SURVEY_ENTITLEMENT = 'take_surveys';

/** Membership states that grant entitlements (billing's rule), the states an audience is read from. */
export const AUDIENCE_MEMBERSHIP_STATES = ['active', 'canceling', 'past_due'] as const;

export interface AudienceCandidate {
  role: string;
  membership?: { tier: string | null; state: string; entitlements: string[] } | null;
  profile?: Partial<Record<'revenueBand' | 'businessModel' | 'industry' | 'ccoModel', unknown>> | null;
  deletionRequestedAt?: Date | null;
}

/**
 * True when the member belongs to the audience: an active member (a role of member, a membership that
 * currently grants `take_surveys`, not waiting to be deleted) of one of the tiers (any tier when none
 * are listed) whose profile matches every filter that lists values.
 */
export function matchesAudience(audience: SurveyAudience, member: AudienceCandidate): boolean {
  const membership = member.membership;
  if (member.role !== 'member' || !membership || member.deletionRequestedAt) {
    return false;
  }
  if (!(AUDIENCE_MEMBERSHIP_STATES as readonly string[]).includes(membership.state)) {
    return false;
  }
  if (!membership.entitlements.includes(SURVEY_ENTITLEMENT)) {
    return false;
  }
  if (audience.tiers.length > 0 && !audience.tiers.includes(membership.tier ?? '')) {
    return false;
  }
  for (const [filter, field] of Object.entries(AUDIENCE_PROFILE_FIELDS)) {
    const allowed = audience.filters?.[filter as keyof typeof AUDIENCE_PROFILE_FIELDS];
    if (allowed && allowed.length > 0) {
      const value = member.profile?.[field];
      if (typeof value !== 'string' || !allowed.includes(value)) {
        return false;
      }
    }
  }
  return true;
}

/** "All active members" or a sentence naming the narrowing, for the page and the console. */
export function describeAudience(audience: SurveyAudience, tierNames: Record<string, string> = {}): string {
  const parts: string[] = [];
  if (audience.tiers.length > 0) {
    parts.push(`tier ${audience.tiers.map((slug) => tierNames[slug] ?? slug).join(' or ')}`);
  }
  const labels: Record<string, string> = {
    revenue: 'revenue',
    business: 'business model',
    industry: 'industry',
    ccoModel: 'CCO model',
  };
  for (const [filter, label] of Object.entries(labels)) {
    const values = audience.filters?.[filter as keyof typeof AUDIENCE_PROFILE_FIELDS];
    if (values && values.length > 0) {
      parts.push(`${label} ${values.join(' or ')}`);
    }
  }
  return parts.length === 0 ? 'All active members' : `Active members with ${parts.join(', ')}`;
}
