/**
 * The census result (docs/research.md, "Census exchange format"): what `npm run census` prints and
 * what a snapshot stores. Field names are snake_case like the input; numbers are not rounded.
 */
import type { CoverageRow } from './coverage';
import type { DatedCount, YearCount } from './population';

export interface TenureFigures {
  tenures: number;
  ended: number;
  censored: number;
  median_months: number | null;
  restricted_mean_months: number;
  survival: { months: number; share: number }[];
  mean_completed_months: number | null;
}

export interface CensusSegmentCell {
  value: string;
  tenures: number;
  /** False when the cut has fewer tenures than min_cell: then no figures are given. */
  shown: boolean;
  /** Distinct persons in the role on the census date. */
  population?: number;
  median_months?: number | null;
  restricted_mean_months?: number;
  mean_completed_months?: number | null;
}

export interface CensusSegmentTable {
  attribute: string;
  min_cell: number;
  values: CensusSegmentCell[];
}

export interface CensusResult {
  as_of: string;
  population: DatedCount[];
  arrivals: YearCount[];
  departures: YearCount[];
  tenure: TenureFigures;
  coverage: CoverageRow[];
  segments?: CensusSegmentTable[];
}
