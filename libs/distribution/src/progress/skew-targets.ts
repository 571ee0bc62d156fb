import type { SegmentRow } from './segments';

/** Staff's default threshold: a segment whose respondent share trails its invited share by this many points. */
export const DEFAULT_TARGET_GAP_PP = 10;

export interface SegmentGap extends SegmentRow {
  /** Shares within the segment's dimension, 0–1. */
  invitedShare: number;
  respondentShare: number;
  /** Respondent share minus invited share, in points (for display; thresholds compare counts). */
  gapPp: number;
}

export interface DimensionGaps {
  dimension: string;
  invited: number;
  completed: number;
  rows: SegmentGap[];
}

/** Each dimension's segments with their invited share, respondent share and gap. Pure. */
export function segmentGaps(rows: SegmentRow[]): DimensionGaps[] {
  const dimensions = new Map<string, SegmentRow[]>();
  for (const row of rows) {
    dimensions.set(row.dimension, [...(dimensions.get(row.dimension) ?? []), row]);
  }
  return [...dimensions.entries()].map(([dimension, segments]) => {
    const invited = segments.reduce((sum, row) => sum + row.invited, 0);
    const completed = segments.reduce((sum, row) => sum + row.completed, 0);
    return {
      dimension,
      invited,
      completed,
      rows: segments.map((row) => {
        const invitedShare = invited > 0 ? row.invited / invited : 0;
        const respondentShare = completed > 0 ? row.completed / completed : 0;
        return { ...row, invitedShare, respondentShare, gapPp: (respondentShare - invitedShare) * 100 };
      }),
    };
  });
}

/**
 * Whether a segment's respondent share o/m is below its invited share p/t by at least `pp` points,
 * decided on the counts as libs/rankings/src/skew.ts decides a skew: 100·(p·m − o·t) ≥ pp·m·t.
 * Subtracted shares miss the boundary (4/10 against 10/20 is 9.999999999999998 points); integers in
 * BigInt do not. Without respondents there are no shares to compare, so no segment trails.
 */
export function trailsBy(row: SegmentRow, dimension: DimensionGaps, pp: number): boolean {
  const m = dimension.completed;
  const t = dimension.invited;
  if (m === 0 || t === 0) {
    return false;
  }
  const trail = BigInt(row.invited) * BigInt(m) - BigInt(row.completed) * BigInt(t);
  return 100n * trail >= BigInt(pp) * BigInt(m) * BigInt(t);
}

export interface TargetPlan {
  dimension: string;
  thresholdPp: number;
  /** The picked segments' values, in the dimension's order. */
  values: string[];
  /** Non-responders of the picked segments (invited − completed): whom the round emails at most. */
  emails: number;
  /** The survey's response rate so far (completed per invited in the dimension), 0–1. */
  rate: number;
  /** Each segment's gap now and if the emailed answered at `rate`, in points. */
  projected: Array<{ value: string; picked: boolean; gapPp: number; projectedGapPp: number }>;
  /** The largest gap (either way) in points, now and projected: the dimension's skew. */
  skewPp: number;
  projectedSkewPp: number;
}

/**
 * The segments of one dimension a targeted reminder round would email: those whose respondent share
 * trails their invited share by at least `thresholdPp` points. It projects the dimension's gaps if
 * the emailed non-responders answered at the survey's current response rate (completed per invited):
 * each picked segment gains (invited − completed)·rate respondents. Pure; shares of counts that may
 * be fractional in the projection, since it is an expectation.
 */
export function planTargetedRound(dimension: DimensionGaps, thresholdPp: number): TargetPlan {
  const rate = dimension.invited > 0 ? dimension.completed / dimension.invited : 0;
  const picked = dimension.rows.filter((row) => trailsBy(row, dimension, thresholdPp));
  const isPicked = new Set(picked.map((row) => row.value));
  const extra = (row: SegmentRow) => (isPicked.has(row.value) ? (row.invited - row.completed) * rate : 0);
  const completedAfter = dimension.completed + dimension.rows.reduce((sum, row) => sum + extra(row), 0);
  const projected = dimension.rows.map((row) => {
    const share = completedAfter > 0 ? (row.completed + extra(row)) / completedAfter : 0;
    return {
      value: row.value,
      picked: isPicked.has(row.value),
      gapPp: row.gapPp,
      projectedGapPp: dimension.completed > 0 ? (share - row.invitedShare) * 100 : 0,
    };
  });
  const largest = (gaps: number[]) => gaps.reduce((most, gap) => Math.max(most, Math.abs(gap)), 0);
  return {
    dimension: dimension.dimension,
    thresholdPp,
    values: picked.map((row) => row.value),
    emails: picked.reduce((sum, row) => sum + Math.max(0, row.invited - row.completed), 0),
    rate,
    projected,
    skewPp: dimension.completed > 0 ? largest(projected.map((p) => p.gapPp)) : 0,
    projectedSkewPp: largest(projected.map((p) => p.projectedGapPp)),
  };
}
