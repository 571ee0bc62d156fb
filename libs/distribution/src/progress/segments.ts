/**
 * Response rates by segment (tier, revenue band), counted by the reconcile job from the streamed
 * invitations and the set of completed invitations. Pure, tested alone.
 */
export interface SegmentRow {
  dimension: string;
  value: string;
  invited: number;
  completed: number;
}

export const SEGMENT_DIMENSIONS: Record<string, (invitation: SegmentFields) => string> = {
  tier: (invitation) => invitation.tier ?? 'none',
  revenue: (invitation) => String(invitation.profile?.revenueBand ?? 'not given'),
};

/** What an invitation's segments are read from. */
export interface SegmentFields {
  tier: string | null;
  profile?: Record<string, unknown> | null;
}

export interface SegmentSource extends SegmentFields {
  _id: string;
}

export class SegmentTally {
  private readonly rows = new Map<string, SegmentRow>();

  add(invitation: SegmentSource, completed: boolean): void {
    for (const [dimension, value] of Object.entries(segmentValues(invitation))) {
      const key = `${dimension}\u0000${value}`;
      const row = this.rows.get(key) ?? { dimension, value, invited: 0, completed: 0 };
      row.invited += 1;
      row.completed += completed ? 1 : 0;
      this.rows.set(key, row);
    }
  }

  result(): SegmentRow[] {
    return [...this.rows.values()].sort(
      (a, b) => a.dimension.localeCompare(b.dimension) || a.value.localeCompare(b.value),
    );
  }
}

/** The counter figures of segment counts: `segment|<invited or completed>|<dimension>|<value>`. */
const SEGMENT_FIGURE = 'segment|';

export function segmentFigure(figure: 'invited' | 'completed', dimension: string, value: string): string {
  return `${SEGMENT_FIGURE}${figure}|${dimension}|${value}`;
}

/** An invitation's value in each segment dimension: what its links carry (see SurveyLink.segments). */
export function segmentValues(invitation: SegmentFields): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [dimension, valueOf] of Object.entries(SEGMENT_DIMENSIONS)) {
    values[dimension] = valueOf(invitation);
  }
  return values;
}

/**
 * Segment values as a link carries them, when they name every dimension counted today; null otherwise
 * (a link written before links carried them, or before a dimension was added), so the caller reads the
 * invitation instead of counting in too few segments.
 */
export function carriedSegments(values: Record<string, unknown> | null | undefined): Record<string, string> | null {
  if (!values) {
    return null;
  }
  const carried: Record<string, string> = {};
  for (const dimension of Object.keys(SEGMENT_DIMENSIONS)) {
    const value = values[dimension];
    if (typeof value !== 'string') {
      return null;
    }
    carried[dimension] = value;
  }
  return carried;
}

/** One invitation's contribution to the segment figures (one per dimension), for a counter add. */
export function segmentDeltas(invitation: SegmentSource, figure: 'invited' | 'completed'): Record<string, number> {
  return segmentValueDeltas(segmentValues(invitation), figure);
}

/** The same contribution from the values a link carries (`segmentValues`). */
export function segmentValueDeltas(
  values: Record<string, string>,
  figure: 'invited' | 'completed',
): Record<string, number> {
  const deltas: Record<string, number> = {};
  for (const [dimension, value] of Object.entries(values)) {
    deltas[segmentFigure(figure, dimension, value)] = 1;
  }
  return deltas;
}

/** The segment figures of a tally (the reconcile job's recount), named as the live counters are. */
export function segmentRecount(rows: SegmentRow[]): Record<string, number> {
  const recount: Record<string, number> = {};
  for (const row of rows) {
    recount[segmentFigure('invited', row.dimension, row.value)] = row.invited;
    recount[segmentFigure('completed', row.dimension, row.value)] = row.completed;
  }
  return recount;
}

/** The segment rows of a survey's summed counter shards, ordered as a tally's. */
export function segmentsFromCounts(counts: Record<string, number>): SegmentRow[] {
  const tally = new Map<string, SegmentRow>();
  for (const [name, count] of Object.entries(counts)) {
    if (!name.startsWith(SEGMENT_FIGURE)) {
      continue;
    }
    const [figure, dimension, ...rest] = name.slice(SEGMENT_FIGURE.length).split('|');
    if ((figure !== 'invited' && figure !== 'completed') || rest.length === 0) {
      continue;
    }
    const value = rest.join('|');
    const key = `${dimension}\u0000${value}`;
    const row = tally.get(key) ?? { dimension, value, invited: 0, completed: 0 };
    row[figure] = Math.max(0, count);
    tally.set(key, row);
  }
  return [...tally.values()]
    .filter((row) => row.invited > 0)
    .sort((a, b) => a.dimension.localeCompare(b.dimension) || a.value.localeCompare(b.value));
}
