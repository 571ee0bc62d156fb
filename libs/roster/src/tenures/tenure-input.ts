import { parseDay } from '@roundtable/census';
import { BUSINESS_MODELS, CCO_MODELS, REVENUE_BANDS } from '@roundtable/members';
import { normaliseCompany, normalisePerson } from '../names';
import type { TenureFields } from './tenure.repository';

/**
 * A tenure as people type it, in the form and in a CSV file alike: the same column names, the same
 * rules, the same messages, so an import's preview says what the form would say.
 */
export const TENURE_COLUMNS = [
  'id',
  'person',
  'company',
  'company_id',
  'title',
  'start',
  'end',
  'revenue_band',
  'business_model',
  'industry',
  'region',
  'cco_model',
  'source',
  'member_id',
] as const;
export type TenureColumn = (typeof TENURE_COLUMNS)[number];
export type TenureInput = Partial<Record<TenureColumn, string>>;
/** Column → the problem with its value. */
export type TenureProblems = Record<string, string>;

const LIMITS: Record<TenureColumn, number> = {
  id: 100,
  person: 120,
  company: 120,
  company_id: 100,
  title: 120,
  start: 10,
  end: 10,
  revenue_band: 20,
  business_model: 10,
  industry: 80,
  region: 60,
  cco_model: 40,
  source: 500,
  member_id: 24,
};

const CHOICES: Partial<Record<TenureColumn, readonly string[]>> = {
  revenue_band: REVENUE_BANDS,
  business_model: BUSINESS_MODELS,
  cco_model: CCO_MODELS,
};

/** A cell a spreadsheet would run as a formula (OWASP's CSV injection list). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+@\t\r]/.test(text) || /^-[^0-9]/.test(text);
}

/** The stored fields of a tenure typed as `input`, or every problem with it, by column. */
export function checkTenureInput(input: TenureInput): { fields: TenureFields } | { problems: TenureProblems } {
  const value = (column: TenureColumn) => (input[column] ?? '').trim();
  const problems: TenureProblems = {};
  for (const column of TENURE_COLUMNS) {
    const text = value(column);
    if (text.length > LIMITS[column]) {
      problems[column] = `${label(column)} is longer than ${LIMITS[column]} characters.`;
    } else if (looksLikeFormula(text)) {
      problems[column] =
        `${label(column)} starts with “${text[0]}”, which a spreadsheet would run as a formula: remove it.`;
    } else if (text && CHOICES[column] && !CHOICES[column].includes(text)) {
      problems[column] = `${label(column)} must be one of ${CHOICES[column].join(', ')} (or empty), not “${text}”.`;
    }
  }
  for (const column of ['person', 'company', 'start'] as const) {
    if (!value(column) && !problems[column]) {
      problems[column] = `${label(column)} is missing.`;
    }
  }
  for (const column of ['start', 'end'] as const) {
    if (value(column) && !problems[column] && parseDay(value(column)) === null) {
      problems[column] = `${label(column)} “${value(column)}” is not a date written YYYY-MM-DD (such as 2008-03-31).`;
    }
  }
  if (!problems.start && !problems.end && value('end') && value('end') <= value('start')) {
    problems.end = `The end date ${value('end')} is not after the start date ${value('start')}.`;
  }
  if (value('member_id') && !problems.member_id && !/^[a-f0-9]{24}$/.test(value('member_id'))) {
    problems.member_id = 'A member id is the 24-character id from the member’s admin page.';
  }
  if (Object.keys(problems).length > 0) {
    return { problems };
  }
  const optional = (column: TenureColumn) => value(column) || null;
  return {
    fields: {
      ...(value('id') ? { externalId: value('id') } : {}),
      person: value('person'),
      personKey: normalisePerson(value('person')),
      company: value('company'),
      companyId: optional('company_id'),
      companyKey: value('company_id') || normaliseCompany(value('company')),
      title: value('title'),
      start: value('start'),
      end: optional('end'),
      revenueBand: optional('revenue_band'),
      businessModel: optional('business_model'),
      industry: optional('industry'),
      region: optional('region'),
      ccoModel: optional('cco_model'),
      source: value('source'),
      memberId: optional('member_id'),
    },
  };
}

/** A stored tenure as the form and the CSV export write it. */
export function tenureInputOf(tenure: TenureFields & { externalId: string }): Record<TenureColumn, string> {
  return {
    id: tenure.externalId,
    person: tenure.person,
    company: tenure.company,
    company_id: tenure.companyId ?? '',
    title: tenure.title,
    start: tenure.start,
    end: tenure.end ?? '',
    revenue_band: tenure.revenueBand ?? '',
    business_model: tenure.businessModel ?? '',
    industry: tenure.industry ?? '',
    region: tenure.region ?? '',
    cco_model: tenure.ccoModel ?? '',
    source: tenure.source,
    member_id: tenure.memberId ?? '',
  };
}

export function label(column: TenureColumn): string {
  const text = column.replace(/_/g, ' ');
  return text === 'id' ? 'The id' : `The ${text}`;
}
