import { prefillProfileAnswer, profileQuestion } from '@roundtable/surveys';
import { TIER_ATTRIBUTE } from './survey-exchange';

/**
 * A stored profile value as the answer option people read: a respondent's answer is already one; an
 * invitation's snapshot holds the member profile's raw value (a boolean board seat, a number of
 * years), which becomes the same option the survey form would have prefilled. Empty means unknown.
 */
export function normaliseProfileValue(attribute: string, value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() === '') {
    return undefined;
  }
  const question = profileQuestion(attribute);
  if (attribute === TIER_ATTRIBUTE || !question) {
    return typeof value === 'string' ? value : undefined;
  }
  if (typeof value === 'string' && question.options.includes(value)) {
    return value;
  }
  return prefillProfileAnswer(question, value) || undefined;
}

/** The heading a profile attribute gets in tables and tabs. */
export function attributeLabel(attribute: string): string {
  const labels: Record<string, string> = {
    revenueBand: 'Revenue',
    businessModel: 'Business model',
    industry: 'Industry',
    ccoModel: 'CCO model',
    reportsTo: 'Reports to',
    boardMember: 'Board member',
    yearsInRole: 'Years in role',
    [TIER_ATTRIBUTE]: 'Tier',
  };
  return labels[attribute] ?? attribute;
}
