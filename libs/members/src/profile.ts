/**
 * The profile attributes research cuts by (docs/research.md). The form's rules are `ProfileDto`'s.
 */
export const REVENUE_BANDS = ['<$100M', '$100M–$1B', '>$1B'] as const;
export const BUSINESS_MODELS = ['B2B', 'B2C', 'Both'] as const;
export const CCO_MODELS = ['Service Revenue Driver', 'Generalist', 'Champion by Committee'] as const;
export const REPORTS_TO = ['CEO', 'Other'] as const;
export const INDUSTRIES = [
  'Software and technology',
  'Financial services',
  'Insurance',
  'Healthcare',
  'Telecommunications',
  'Retail and consumer goods',
  'Manufacturing',
  'Travel and hospitality',
  'Energy and utilities',
  'Professional services',
  'Public sector',
  'Other',
] as const;

export interface MemberProfile {
  title: string;
  company: string;
  revenueBand: (typeof REVENUE_BANDS)[number];
  businessModel: (typeof BUSINESS_MODELS)[number];
  industry: (typeof INDUSTRIES)[number];
  ccoModel: (typeof CCO_MODELS)[number];
  reportsTo: (typeof REPORTS_TO)[number];
  boardMember: boolean;
  yearsInRole: number;
  linkedinUrl: string;
}

/** The profile form's values as strings, as the form shows them. */
export type ProfileFormValues = Record<keyof MemberProfile | 'name', string>;

/** The form's starting values from a stored profile. */
export function profileFormValues(
  name: string,
  profile?: Partial<Record<keyof MemberProfile, string | number | boolean>> | null,
): ProfileFormValues {
  return {
    name,
    title: profile?.title ?? '',
    company: profile?.company ?? '',
    revenueBand: profile?.revenueBand ?? '',
    businessModel: profile?.businessModel ?? '',
    industry: profile?.industry ?? '',
    ccoModel: profile?.ccoModel ?? '',
    reportsTo: profile?.reportsTo ?? '',
    boardMember: profile?.boardMember === undefined ? '' : profile.boardMember ? 'yes' : 'no',
    yearsInRole: profile?.yearsInRole === undefined ? '' : String(profile.yearsInRole),
    linkedinUrl: profile?.linkedinUrl ?? '',
  } as ProfileFormValues;
}

/** Choices for the form's selects. */
export const PROFILE_CHOICES = {
  revenueBands: REVENUE_BANDS,
  businessModels: BUSINESS_MODELS,
  industries: INDUSTRIES,
  ccoModels: CCO_MODELS,
  reportsTo: REPORTS_TO,
};
