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
