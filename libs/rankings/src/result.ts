/**
 * The result document (docs/research.md, "The survey exchange format"): what `npm run rank` prints and what a
 * snapshot stores. Field names are snake_case like the input format; numbers are not rounded.
 */
export const METHOD = 'borda-tied-bottom';
/** Bumped whenever a change to the computation could change a number, so old snapshots say how they were made. */
export const METHOD_VERSION = 1;

export interface RankedItem {
  item: string;
  rank: number;
  borda: number;
  incumbency: number;
  holders: number;
  mean_rank: number | null;
}

export interface UncertainItem extends RankedItem {
  /** [low, high] rank positions; null without respondents. */
  rank_interval: [number, number] | null;
  top_k_share: number | null;
}

export interface SkewRow {
  value: string;
  respondents: number;
  respondent_share: number;
  invited: number;
  invited_share: number;
  gap_pp: number;
}

export interface SkewTable {
  attribute: string;
  values: SkewRow[];
  chi_square: number | null;
  df: number | null;
  p_value: number | null;
  skewed: boolean;
  toward: string | null;
  summary: string | null;
}

export interface WeightedTable {
  method: 'none' | 'post-stratification' | 'raking';
  weight_by: string[];
  iterations: number;
  converged: boolean;
  design_effect: number;
  weight_min: number;
  weight_max: number;
  items: (RankedItem & { unweighted_rank: number })[];
}

export interface SegmentCell {
  value: string;
  respondents: number;
  /** False when the cell has fewer respondents than min_cell: then no figures are given. */
  shown: boolean;
  kendall_w?: number | null;
  items?: RankedItem[];
}

export interface SegmentTable {
  attribute: string;
  min_cell: number;
  values: SegmentCell[];
}

export interface ResponseRateRow {
  invited: number;
  bounced: number;
  eligible: number;
  completed: number;
  partial: number | null;
  rate: number | null;
}

export interface RankingResult {
  method: string;
  method_version: number;
  options: { seed: number; resamples: number; top_k: number; min_cell: number; weight_by: string[] | null };
  respondents: number;
  kendall_w: number | null;
  items: UncertainItem[];
  response_rate?: ResponseRateRow;
  skew?: SkewTable[];
  weighted?: WeightedTable;
  segments?: SegmentTable[];
}
