import { normaliseCompany, normalisePerson, type TenureFields } from '@roundtable/roster';

/** A whole, valid tenure for the roster; tests override what they are about. */
export function buildTenure(
  overrides: Partial<TenureFields> & { person: string; company: string; start: string },
): TenureFields {
  return {
    personKey: normalisePerson(overrides.person),
    companyKey: overrides.companyId ?? normaliseCompany(overrides.company),
    companyId: null,
    title: 'Chief Customer Officer',
    end: null,
    revenueBand: null,
    businessModel: null,
    industry: null,
    region: null,
    ccoModel: null,
    source: '',
    memberId: null,
    ...overrides,
  };
}
