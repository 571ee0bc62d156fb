import { parseDay } from './dates';
import type { CensusReferenceList, CensusTenure } from './exchange';
import type { PackedRoster } from './roster';

export interface CoverageRow {
  name: string;
  date: string;
  companies: number;
  covered: number;
  /** covered ÷ companies; null for a list with no companies. */
  share: number | null;
}

/**
 * Of a reference list's companies, how many had a tenure in the role on the list's date
 * (start ≤ date < end), counting only the tenures of the census on A.
 */
export function coverage(
  roster: PackedRoster,
  tenures: readonly CensusTenure[],
  lists: readonly CensusReferenceList[],
): CoverageRow[] {
  return lists.map((list) => {
    const day = parseDay(list.date) as number;
    const wanted = new Set(list.companies);
    const covered = new Set<string>();
    for (let i = 0; i < roster.count; i++) {
      const company = tenures[roster.source[i]].company;
      if (roster.start[i] <= day && day < roster.end[i] && wanted.has(company)) {
        covered.add(company);
      }
    }
    const companies = wanted.size;
    return {
      name: list.name,
      date: list.date,
      companies,
      covered: covered.size,
      share: companies > 0 ? covered.size / companies : null,
    };
  });
}
