/** The group of `ShardedCounters` figures that count library downloads. */
export const DOWNLOADS_GROUP = 'resource-downloads';

/** One figure per resource and tier: `<resourceId>|<tier>` (ids are hex, tier slugs have no bar). */
export const downloadFigure = (resourceId: string, tier: string): string => `${resourceId}|${tier}`;

export interface DownloadCountRow {
  resourceId: string;
  tier: string;
  count: number;
}

/** The group's summed figures as rows by resource and tier. */
export function downloadRows(figures: Record<string, number>): DownloadCountRow[] {
  return Object.entries(figures).flatMap(([figure, count]) => {
    const bar = figure.indexOf('|');
    return bar > 0 ? [{ resourceId: figure.slice(0, bar), tier: figure.slice(bar + 1), count }] : [];
  });
}

export interface ResourceDownloads {
  resourceId: string;
  title: string;
  total: number;
  /** Downloads by tier slug (`staff` for staff and admins), tiers in name order. */
  byTier: Array<{ tier: string; count: number }>;
}

/**
 * Sums the counters into one row per resource of the library (a deleted resource's figures are
 * left out), most downloaded first. Pure, so the summing is tested alone.
 */
export function sumDownloads(
  resources: Array<{ id: string; title: string }>,
  counters: DownloadCountRow[],
): ResourceDownloads[] {
  const byResource = new Map<string, Map<string, number>>();
  for (const row of counters) {
    const tiers = byResource.get(row.resourceId) ?? new Map<string, number>();
    tiers.set(row.tier, (tiers.get(row.tier) ?? 0) + row.count);
    byResource.set(row.resourceId, tiers);
  }
  return resources
    .map((resource) => {
      const tiers = byResource.get(resource.id) ?? new Map<string, number>();
      const byTier = [...tiers.entries()]
        .map(([tier, count]) => ({ tier, count }))
        .sort((a, b) => a.tier.localeCompare(b.tier));
      return {
        resourceId: resource.id,
        title: resource.title,
        total: byTier.reduce((sum, row) => sum + row.count, 0),
        byTier,
      };
    })
    .sort((a, b) => b.total - a.total || a.title.localeCompare(b.title));
}
