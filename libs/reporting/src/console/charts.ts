/**
 * Charts drawn on the server as SVG strings (no script, no CDN; colours as attributes, so a chart
 * reads the same saved on its own): the page embeds them with `| safe`,
 * so every piece of text is escaped here. Each chart has a title and a description for screen
 * readers, and the page shows the same numbers as a table beside it.
 */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export interface IntervalRow {
  item: string;
  rank: number;
  /** How the rank reads when it is not just the number ("=6" for a tie). */
  rankLabel?: string;
  rankInterval: [number, number] | null;
  topKShare: number | null;
}

const LABEL_CHARS = 44;

/**
 * The ranked list with each item's 95% interval of rank position: one row per item in rank order,
 * rank positions across (1 on the left), a bar over the interval and a dot at the item's rank; the
 * top-k positions are shaded.
 */
export function rankIntervalChart(rows: IntervalRow[], topK: number, id = 'rank-chart'): string {
  const n = rows.length;
  const rowHeight = 26;
  const labelWidth = 300;
  const plotLeft = labelWidth + 20;
  const plotWidth = 320;
  const top = 34;
  const height = top + n * rowHeight + 10;
  const width = plotLeft + plotWidth + 20;
  const x = (rank: number) => plotLeft + (n > 1 ? ((rank - 1) / (n - 1)) * plotWidth : plotWidth / 2);
  const parts: string[] = [];
  const shadeEnd = Math.min(topK, n);
  parts.push(
    `<rect x="${x(1) - 8}" y="${top - 8}" width="${x(shadeEnd) - x(1) + 16}" height="${n * rowHeight + 4}" class="chart-shade" fill="#eef4ea"/>`,
  );
  for (let r = 1; r <= n; r++) {
    parts.push(
      `<line x1="${x(r)}" y1="${top - 8}" x2="${x(r)}" y2="${top + n * rowHeight - 4}" class="chart-grid" stroke="#e3e7ee"/>`,
    );
    parts.push(`<text x="${x(r)}" y="${top - 14}" class="chart-axis" fill="#5b6473" text-anchor="middle">${r}</text>`);
  }
  rows.forEach((row, k) => {
    const y = top + k * rowHeight + rowHeight / 2 - 4;
    const label = row.item.length > LABEL_CHARS ? `${row.item.slice(0, LABEL_CHARS - 1)}…` : row.item;
    parts.push(
      `<text x="${labelWidth}" y="${y + 4}" text-anchor="end" class="chart-label" fill="#1d2430"><title>${escapeXml(row.item)}</title>${row.rankLabel ?? row.rank}. ${escapeXml(label)}</text>`,
    );
    if (row.rankInterval) {
      const [low, high] = row.rankInterval;
      parts.push(
        `<line x1="${x(low)}" y1="${y}" x2="${x(high)}" y2="${y}" class="chart-interval" stroke="#2f5d9e" stroke-width="3"/>`,
      );
      parts.push(
        `<line x1="${x(low)}" y1="${y - 5}" x2="${x(low)}" y2="${y + 5}" class="chart-interval" stroke="#2f5d9e" stroke-width="3"/>`,
      );
      parts.push(
        `<line x1="${x(high)}" y1="${y - 5}" x2="${x(high)}" y2="${y + 5}" class="chart-interval" stroke="#2f5d9e" stroke-width="3"/>`,
      );
    }
    parts.push(`<circle cx="${x(row.rank)}" cy="${y}" r="5" class="chart-dot" fill="#1d2430"/>`);
  });
  const description = rows
    .map(
      (row) =>
        `${row.rankLabel ?? row.rank}. ${row.item}${row.rankInterval ? ` (95% interval ${row.rankInterval[0]}–${row.rankInterval[1]})` : ''}`,
    )
    .join('; ');
  return svg(id, width, height, 'Items by rank, with the 95% interval of each rank position', description, parts);
}

export interface ProgressPoint {
  date: string;
  completed: number;
}

/** The response rate day by day: completed responses so far over eligible invitations. */
export function progressChart(points: ProgressPoint[], eligible: number, id = 'progress-chart'): string {
  const width = 640;
  const height = 220;
  const left = 48;
  const right = 20;
  const top = 16;
  const bottom = 40;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const rate = (p: ProgressPoint) => (eligible > 0 ? p.completed / eligible : 0);
  const maxRate = Math.max(0.1, ...points.map(rate));
  const ceiling = Math.min(1, Math.ceil(maxRate * 10) / 10);
  const x = (k: number) => left + (points.length > 1 ? (k / (points.length - 1)) * plotWidth : plotWidth / 2);
  const y = (value: number) => top + plotHeight - (value / ceiling) * plotHeight;
  const parts: string[] = [];
  for (let tick = 0; tick <= ceiling + 1e-9; tick += ceiling / 4) {
    parts.push(
      `<line x1="${left}" y1="${y(tick)}" x2="${width - right}" y2="${y(tick)}" class="chart-grid" stroke="#e3e7ee"/>`,
    );
    parts.push(
      `<text x="${left - 6}" y="${y(tick) + 4}" text-anchor="end" class="chart-axis" fill="#5b6473">${Math.round(tick * 100)}%</text>`,
    );
  }
  if (points.length > 0) {
    const line = points.map((p, k) => `${x(k).toFixed(1)},${y(rate(p)).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${line}" class="chart-line" fill="none" stroke="#2f5d9e" stroke-width="2"/>`);
    points.forEach((p, k) =>
      parts.push(
        `<circle cx="${x(k).toFixed(1)}" cy="${y(rate(p)).toFixed(1)}" r="3" class="chart-dot" fill="#1d2430"/>`,
      ),
    );
    const labelled =
      points.length <= 8 ? points.map((_, k) => k) : [0, Math.floor((points.length - 1) / 2), points.length - 1];
    labelled.forEach((k) =>
      parts.push(
        `<text x="${x(k).toFixed(1)}" y="${height - 14}" text-anchor="middle" class="chart-axis" fill="#5b6473">${escapeXml(points[k].date)}</text>`,
      ),
    );
  }
  const last = points[points.length - 1];
  const description = last
    ? `${last.completed} completed of ${eligible} eligible by ${last.date} (${Math.round(rate(last) * 100)}%)`
    : 'No completed responses yet';
  return svg(id, width, height, 'Response rate over time', description, parts);
}

function svg(id: string, width: number, height: number, title: string, description: string, parts: string[]): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" font-family="system-ui, sans-serif" font-size="12" viewBox="0 0 ${width} ${height}" role="img" ` +
    `aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeXml(title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(description)}</desc>${parts.join('')}</svg>`
  );
}
