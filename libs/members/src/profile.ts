/**
 * The profile attributes research cuts by (DOMAIN.md), and the pure validation of the profile form.
 * No Nest or mongoose here, so the rules are unit-tested alone.
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

export type ProfileFormValues = Record<keyof MemberProfile | 'name', string>;
export type ProfileErrors = Partial<Record<keyof ProfileFormValues, string>>;

const FIELDS: Array<keyof ProfileFormValues> = [
  'name',
  'title',
  'company',
  'revenueBand',
  'businessModel',
  'industry',
  'ccoModel',
  'reportsTo',
  'boardMember',
  'yearsInRole',
  'linkedinUrl',
];

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function oneOf<T extends readonly string[]>(value: string, allowed: T): value is T[number] {
  return (allowed as readonly string[]).includes(value);
}

/**
 * Checks a submitted profile form. Returns the trimmed values (to re-render the form as typed) and
 * either the profile or a message per field a person can act on.
 */
export function validateProfileForm(body: Record<string, unknown>): {
  values: ProfileFormValues;
  errors: ProfileErrors;
  profile?: MemberProfile & { name: string };
} {
  const values = Object.fromEntries(
    FIELDS.map((field) => [field, text(body[field]).slice(0, 500)]),
  ) as ProfileFormValues;
  const errors: ProfileErrors = {};
  const required = (field: keyof ProfileFormValues, label: string, max = 120) => {
    if (!values[field]) {
      errors[field] = `Please enter your ${label}.`;
    } else if (values[field].length > max) {
      errors[field] = `Please keep your ${label} under ${max} characters.`;
    }
  };
  required('name', 'name', 100);
  required('title', 'job title');
  required('company', 'company');
  if (!oneOf(values.revenueBand, REVENUE_BANDS))
    errors.revenueBand = 'Please choose your company’s annual revenue band.';
  if (!oneOf(values.businessModel, BUSINESS_MODELS)) errors.businessModel = 'Please choose B2B, B2C or both.';
  if (!oneOf(values.industry, INDUSTRIES)) errors.industry = 'Please choose an industry.';
  if (!oneOf(values.ccoModel, CCO_MODELS)) errors.ccoModel = 'Please choose the CCO model you work in.';
  if (!oneOf(values.reportsTo, REPORTS_TO)) errors.reportsTo = 'Please say whom you report to.';
  if (values.boardMember !== 'yes' && values.boardMember !== 'no')
    errors.boardMember = 'Please say whether you sit on a board.';
  const years = Number(values.yearsInRole);
  if (!/^\d{1,2}$/.test(values.yearsInRole) || years > 60) {
    errors.yearsInRole = 'Please enter whole years in your role, from 0 to 60.';
  }
  if (
    values.linkedinUrl &&
    !/^https:\/\/([a-z]{2,3}\.)?linkedin\.com\/in\/[A-Za-z0-9_-]{3,100}\/?$/.test(values.linkedinUrl)
  ) {
    errors.linkedinUrl = 'Please enter your public LinkedIn address, like https://www.linkedin.com/in/your-name.';
  }
  if (Object.keys(errors).length > 0) {
    return { values, errors };
  }
  return {
    values,
    errors,
    profile: {
      name: values.name,
      title: values.title,
      company: values.company,
      revenueBand: values.revenueBand as MemberProfile['revenueBand'],
      businessModel: values.businessModel as MemberProfile['businessModel'],
      industry: values.industry as MemberProfile['industry'],
      ccoModel: values.ccoModel as MemberProfile['ccoModel'],
      reportsTo: values.reportsTo as MemberProfile['reportsTo'],
      boardMember: values.boardMember === 'yes',
      yearsInRole: years,
      linkedinUrl: values.linkedinUrl,
    },
  };
}

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
