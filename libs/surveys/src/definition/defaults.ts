/**
 * The council's 16 candidate accountabilities (docs/research.md), prefilled into a new survey, and the member
 * profile attributes a survey may ask (prefilled from the member's profile). No Nest or mongoose here.
 */
import { BUSINESS_MODELS, CCO_MODELS, INDUSTRIES, REPORTS_TO, REVENUE_BANDS } from '@roundtable/members';

export const DEFAULT_ACCOUNTABILITIES: readonly string[] = [
  'Customer-centric tactics',
  'Customer experience management',
  'Metrics and analytics related to customer-centricity',
  'Customer-centric culture (or the evolution to it)',
  'Customer strategy',
  'Understanding customer needs',
  'Building customer relationships',
  'Voice of the customer programme (surveys, listening posts)',
  'Issue trending and complaint tracking',
  'Customer value metrics (managing customers as an asset)',
  'Defection early warning (customer health)',
  'Service revenue and support operations',
  'Market sensing and customer segmentation',
  'Cross-functional accountability forums',
  'Change management and process change',
  'Internal customer advocacy (customer visits, success stories)',
];

export interface ProfileQuestion {
  /** The member profile field the answer is prefilled from (and the key of response.profile). */
  key: 'revenueBand' | 'businessModel' | 'industry' | 'ccoModel' | 'reportsTo' | 'boardMember' | 'yearsInRole';
  label: string;
  options: readonly string[];
}

const YEARS_IN_ROLE = ['Less than 1', '1–2', '3–5', '6–10', 'More than 10'] as const;

/** The profile questions staff can add to a survey, with the answers allowed for each. */
export const PROFILE_QUESTIONS: readonly ProfileQuestion[] = [
  { key: 'revenueBand', label: 'Your company’s annual revenue', options: REVENUE_BANDS },
  { key: 'businessModel', label: 'Your business model', options: BUSINESS_MODELS },
  { key: 'industry', label: 'Your industry', options: INDUSTRIES },
  { key: 'ccoModel', label: 'The CCO model you work in', options: CCO_MODELS },
  { key: 'reportsTo', label: 'Whom you report to', options: REPORTS_TO },
  { key: 'boardMember', label: 'Do you sit on a board?', options: ['Yes', 'No'] },
  { key: 'yearsInRole', label: 'Years in your role', options: YEARS_IN_ROLE },
];

export function profileQuestion(key: string): ProfileQuestion | undefined {
  return PROFILE_QUESTIONS.find((question) => question.key === key);
}

/** The member's stored profile value as one of the question's options (the form's prefill). */
export function prefillProfileAnswer(question: ProfileQuestion, stored: unknown): string {
  if (question.key === 'boardMember') {
    return stored === true ? 'Yes' : stored === false ? 'No' : '';
  }
  if (question.key === 'yearsInRole') {
    if (typeof stored !== 'number') {
      return '';
    }
    return stored < 1
      ? 'Less than 1'
      : stored <= 2
        ? '1–2'
        : stored <= 5
          ? '3–5'
          : stored <= 10
            ? '6–10'
            : 'More than 10';
  }
  return typeof stored === 'string' && question.options.includes(stored) ? stored : '';
}

/**
 * The audience filters of the contract mapped to the member profile's fields (for the member query).
 */
export const AUDIENCE_PROFILE_FIELDS = {
  revenue: 'revenueBand',
  business: 'businessModel',
  industry: 'industry',
  ccoModel: 'ccoModel',
} as const;
