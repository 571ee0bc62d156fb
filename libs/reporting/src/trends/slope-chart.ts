import { escapeHtml } from '@roundtable/core';
import type { WaveMovement } from '@roundtable/rankings';

export interface SlopeItem {
  key: string;
  label: string;
  /** Rank in each wave, in wave order; null where the item was not in that wave. */
  ranks: (number | null)[];
  /** What the latest pair of waves may say of the item (colours its line). */
  movement: WaveMovement | null;
}

const COLOURS: Record<WaveMovement, string> = { rose: '#2e7d32', fell: '#b3261e', 'no clear change': '#8a93a3' };
const LINE_CHARS = 30;
const LINE_HEIGHT = 14;

/**
 * The slope chart of a series of waves: a column per wave, each item's rank in each wave joined by a
 * line (green when the latest pair says it rose, red when it fell, grey otherwise), and the item's
 * label beside its rank in the latest wave, wrapped rather than cut. Drawn narrow (about 360 units
 * wide for two waves) so that on a 390 px phone its 12-unit text is shown near its natural size.
 */
export function slopeChart(waveNames: readonly string[], items: readonly SlopeItem[], id = 'slope-chart'): string {
  const waves = waveNames.length;
  const maxRank = Math.max(1, ...items.flatMap((item) => item.ranks.map((rank) => rank ?? 0)));
  const latest = waves - 1;
  const labelled = new Map(
    items.filter((item) => item.ranks[latest] !== null).map((item) => [item.ranks[latest], item]),
  );
  const lines = new Map([...labelled].map(([rank, item]) => [rank, wrap(`${rank}. ${item.label}`, LINE_CHARS)]));
  const rowHeight = Math.max(22, LINE_HEIGHT * Math.max(1, ...[...lines.values()].map((l) => l.length)) + 6);
  const left = 34;
  const gap = 84;
  const top = 40;
  const labelX = left + latest * gap + 14;
  const width = labelX + LINE_CHARS * 6.6 + 8;
  const height = top + maxRank * rowHeight;
  const x = (w: number) => left + w * gap;
  const y = (rank: number) => top + (rank - 1) * rowHeight + rowHeight / 2;
  const parts: string[] = [];
  waveNames.forEach((name, w) => {
    parts.push(
      `<text x="${x(w)}" y="18" text-anchor="middle" class="chart-axis" fill="#5b6473">${escapeHtml(name)}</text>`,
      `<line x1="${x(w)}" y1="${top - 10}" x2="${x(w)}" y2="${height - 4}" class="chart-grid" stroke="#e3e7ee"/>`,
    );
  });
  for (let rank = 1; rank <= maxRank; rank++) {
    parts.push(
      `<text x="${left - 14}" y="${y(rank) + 4}" text-anchor="end" class="chart-axis" fill="#5b6473">${rank}</text>`,
    );
  }
  for (const item of items) {
    const colour = COLOURS[item.movement ?? 'no clear change'];
    const points = item.ranks.flatMap((rank, w) => (rank === null ? [] : [`${x(w)},${y(rank)}`]));
    if (points.length > 1) {
      parts.push(
        `<polyline points="${points.join(' ')}" fill="none" stroke="${colour}" stroke-width="2.5" class="slope-line"/>`,
      );
    }
    item.ranks.forEach((rank, w) => {
      if (rank !== null) {
        parts.push(`<circle cx="${x(w)}" cy="${y(rank)}" r="4" fill="${colour}" class="slope-dot"/>`);
      }
    });
  }
  for (const [rank, wrapped] of lines) {
    const first = y(rank as number) + 4 - ((wrapped.length - 1) * LINE_HEIGHT) / 2;
    const spans = wrapped
      .map((line, k) => `<tspan x="${labelX}" y="${first + k * LINE_HEIGHT}">${escapeHtml(line)}</tspan>`)
      .join('');
    parts.push(`<text class="chart-label" fill="#1d2430">${spans}</text>`);
  }
  const description = items
    .map(
      (item) =>
        `${item.label}: ${item.ranks.map((rank, w) => `${waveNames[w]} ${rank === null ? 'not asked' : `rank ${rank}`}`).join(', ')}${item.movement ? ` (${item.movement})` : ''}`,
    )
    .join('; ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart slope-chart" font-family="system-ui, sans-serif" font-size="12" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" role="img" ` +
    `aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeHtml("Each item's rank in each wave")}</title>` +
    `<desc id="${id}-desc">${escapeHtml(description)}</desc>${parts.join('')}</svg>`
  );
}

/** Splits text into lines of at most `width` characters at spaces (a longer word gets its own line). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) {
    lines.push(line);
  }
  return lines;
}
