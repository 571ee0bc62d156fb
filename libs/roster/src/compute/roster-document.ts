import type { CensusDocument, CensusTenure } from '@roundtable/census';
import type { ReferenceCompany } from '../reference/reference-list.schema';
import type { Tenure } from '../tenures/tenure.schema';

/** The profile keys a census cuts by, and the tenure attribute each comes from. */
export const SEGMENT_KEYS = [
  ['revenue', 'revenueBand'],
  ['business', 'businessModel'],
  ['industry', 'industry'],
  ['region', 'region'],
  ['model', 'ccoModel'],
] as const;

export interface StoredList {
  name: string;
  date: string;
  companies: ReferenceCompany[];
}

/** A tenure as stored, or about to be (the demo data has no ids yet). */
export type RosterTenure = Omit<Tenure, 'externalId' | 'updatedAt'> & { externalId?: string };

/** One stored tenure as a tenure of the census exchange format (persons and companies by their keys). */
export function exchangeTenure(tenure: RosterTenure): CensusTenure {
  const out: CensusTenure = {
    ...(tenure.externalId ? { id: tenure.externalId } : {}),
    person: tenure.personKey,
    company: tenure.companyKey,
    start: tenure.start,
    end: tenure.end,
  };
  if (tenure.title) {
    out.title = tenure.title;
  }
  const profile: Record<string, string> = {};
  for (const [key, field] of SEGMENT_KEYS) {
    const value = tenure[field];
    if (value) {
      profile[key] = value;
    }
  }
  if (Object.keys(profile).length > 0) {
    out.profile = profile;
  }
  return out;
}

/**
 * The roster and reference lists as one census exchange document, and each list's companies that
 * match no company on the roster at all (the upload report and the console say which).
 */
export function rosterDocument(
  tenures: readonly RosterTenure[],
  lists: readonly StoredList[],
  asOf?: string,
): { doc: CensusDocument; unmatched: Record<string, string[]> } {
  const companies = new Set(tenures.map((tenure) => tenure.companyKey));
  const unmatched: Record<string, string[]> = {};
  const referenceLists = lists.map((list) => {
    const keys = new Set<string>();
    unmatched[list.name] = [];
    for (const company of list.companies) {
      keys.add(company.key);
      if (!companies.has(company.key)) {
        unmatched[list.name].push(company.name);
      }
    }
    return { name: list.name, date: list.date, companies: [...keys] };
  });
  const doc: CensusDocument = { tenures: tenures.map(exchangeTenure), reference_lists: referenceLists };
  if (asOf) {
    doc.as_of = asOf;
  }
  return { doc, unmatched };
}
