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

export const SEGMENT_DIMENSIONS: Record<string, (invitation: SegmentSource) => string> = {
  tier: (invitation) => invitation.tier ?? 'none',
  revenue: (invitation) => String(invitation.profile?.revenueBand ?? 'not given'),
};

export interface SegmentSource {
  _id: string;
  tier: string | null;
  profile?: Record<string, unknown> | null;
}

export class SegmentTally {
  private readonly rows = new Map<string, SegmentRow>();

  add(invitation: SegmentSource, completed: boolean): void {
    for (const [dimension, valueOf] of Object.entries(SEGMENT_DIMENSIONS)) {
      const value = valueOf(invitation);
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

/** One invitation's contribution to the segment figures (one per dimension), for a counter add. */
export function segmentDeltas(invitation: SegmentSource, figure: 'invited' | 'completed'): Record<string, number> {
  const deltas: Record<string, number> = {};
  for (const [dimension, valueOf] of Object.entries(SEGMENT_DIMENSIONS)) {
    deltas[segmentFigure(figure, dimension, valueOf(invitation))] = 1;
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
