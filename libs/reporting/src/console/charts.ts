/*
 * Charts drawn on the server as SVG strings (no script, no CDN; colours as attributes, so a chart
 * reads the same saved on its own): the page embeds them with `| safe`,
 * so every piece of text is escaped here. Each chart has a title and a description for screen
 * readers, and the page shows the same numbers as a table beside it.
 */

import { escapeHtml, formatDate } from '@roundtable/core';

export interface IntervalRow {
  item: string;
  rank: number;
  /** How the rank reads when it is not just the number ("=6" for a tie). */
  rankLabel?: string;
  rankInterval: [number, number] | null;
  topKShare: number | null;
}

/**
 * Splits a label into lines of at most `maxChars` characters at spaces, so a chart shows every word
 * of it instead of cutting it with "…"; a single word longer than a line (rare in an item's name) is
 * the only thing broken inside. Pure.
 */
export function wrapLabel(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = word.match(new RegExp(`.{1,${maxChars}}`, 'gu')) ?? [word];
    for (const piece of pieces) {
      if (line && line.length + 1 + piece.length > maxChars) {
        lines.push(line);
        line = piece;
      } else {
        line = line ? `${line} ${piece}` : piece;
      }
    }
  }
  return line || lines.length === 0 ? [...lines, line] : lines;
}

/** The text of a label over several lines (`tspan`s one line-height apart), escaped. */
function labelLines(lines: string[], x: number, y: number, lineHeight: number): string {
  return lines
    .map((line, k) => `<tspan x="${x}"${k === 0 ? ` y="${y}"` : ` dy="${lineHeight}"`}>${escapeHtml(line)}</tspan>`)
    .join('');
}

/** The shading of the top-k positions, a grid line and the rank number for each position. */
function rankAxis(n: number, topK: number, x: (rank: number) => number, top: number, bottom: number, every: number) {
  const parts: string[] = [];
  const shadeEnd = Math.min(topK, n);
  parts.push(
    `<rect x="${x(1) - 8}" y="${top - 8}" width="${x(shadeEnd) - x(1) + 16}" height="${bottom - top + 12}" class="chart-shade" fill="#eef4ea"/>`,
  );
  for (let r = 1; r <= n; r++) {
    parts.push(`<line x1="${x(r)}" y1="${top - 8}" x2="${x(r)}" y2="${bottom}" class="chart-grid" stroke="#e3e7ee"/>`);
    // Every `every`th position, and the last unless that would crowd the one labelled before it.
    const lastLabelled = n - ((n - 1) % every);
    if ((r - 1) % every === 0 || (r === n && n - lastLabelled > 1)) {
      parts.push(
        `<text x="${x(r)}" y="${top - 14}" class="chart-axis" fill="#5b6473" text-anchor="middle">${r}</text>`,
      );
    }
  }
  return parts;
}

/** An item's interval of rank positions (a bar with end ticks) and its dot at its rank, centred on `y`. */
function rankMarks(row: IntervalRow, x: (rank: number) => number, y: number): string[] {
  const parts: string[] = [];
  if (row.rankInterval) {
    const [low, high] = row.rankInterval;
    const line = (x1: number, y1: number, x2: number, y2: number) =>
      `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" class="chart-interval" stroke="#2f5d9e" stroke-width="3"/>`;
    parts.push(line(x(low), y, x(high), y), line(x(low), y - 5, x(low), y + 5), line(x(high), y - 5, x(high), y + 5));
  }
  parts.push(`<circle cx="${x(row.rank)}" cy="${y}" r="5" class="chart-dot" fill="#1d2430"/>`);
  return parts;
}

function rankDescription(rows: IntervalRow[]): string {
  return rows
    .map(
      (row) =>
        `${row.rankLabel ?? row.rank}. ${row.item}${row.rankInterval ? ` (95% interval ${row.rankInterval[0]}–${row.rankInterval[1]})` : ''}`,
    )
    .join('; ');
}

const RANK_TITLE = 'Items by rank, with the 95% interval of each rank position';

/**
 * The ranked list with each item's 95% interval of rank position: one row per item in rank order,
 * its whole name on the left (wrapped over lines as needed), rank positions across (1 on the left),
 * a bar over the interval and a dot at the item's rank; the top-k positions are shaded.
 */
export function rankIntervalChart(rows: IntervalRow[], topK: number, id = 'rank-chart'): string {
  const n = rows.length;
  const lineHeight = 14;
  const labelWidth = 300;
  const plotLeft = labelWidth + 20;
  const plotWidth = 320;
  const top = 34;
  const labels = rows.map((row) => wrapLabel(`${row.rankLabel ?? row.rank}. ${row.item}`, 44));
  const heights = labels.map((lines) => Math.max(26, lines.length * lineHeight + 12));
  const bottom = top + heights.reduce((sum, h) => sum + h, 0) - 4;
  const width = plotLeft + plotWidth + 20;
  const x = (rank: number) => plotLeft + (n > 1 ? ((rank - 1) / (n - 1)) * plotWidth : plotWidth / 2);
  const parts = rankAxis(n, topK, x, top, bottom, 1);
  let rowTop = top;
  rows.forEach((row, k) => {
    const y = rowTop + heights[k] / 2 - 4;
    const firstLine = y + 4 - ((labels[k].length - 1) * lineHeight) / 2;
    parts.push(
      `<text text-anchor="end" class="chart-label" fill="#1d2430">${labelLines(labels[k], labelWidth, firstLine, lineHeight)}</text>`,
      ...rankMarks(row, x, y),
    );
    rowTop += heights[k];
  });
  return svg(id, width, bottom + 14, RANK_TITLE, rankDescription(rows), parts);
}

/**
 * The same chart for a phone: each item's name across the width (wrapped), its interval on a line of
 * its own under it, so text stays at a readable size when the chart is drawn 300-odd pixels wide.
 */
export function stackedRankIntervalChart(rows: IntervalRow[], topK: number, id = 'rank-chart-stacked'): string {
  const n = rows.length;
  const width = 320;
  const lineHeight = 16;
  const left = 12;
  const plotWidth = width - 2 * left;
  const top = 30;
  const labels = rows.map((row) => wrapLabel(`${row.rankLabel ?? row.rank}. ${row.item}`, 38));
  const heights = labels.map((lines) => lines.length * lineHeight + 24);
  const bottom = top + heights.reduce((sum, h) => sum + h, 0);
  const x = (rank: number) => left + (n > 1 ? ((rank - 1) / (n - 1)) * plotWidth : plotWidth / 2);
  const parts = rankAxis(n, topK, x, top, bottom, n > 12 ? 2 : 1);
  let rowTop = top;
  rows.forEach((row, k) => {
    parts.push(
      `<text class="chart-label" fill="#1d2430">${labelLines(labels[k], 0, rowTop + 12, lineHeight)}</text>`,
      ...rankMarks(row, x, rowTop + labels[k].length * lineHeight + 6),
    );
    rowTop += heights[k];
  });
  return svg(id, width, bottom + 6, RANK_TITLE, rankDescription(rows), parts, 13);
}

/**
 * Both drawings for a page: the wide one on a laptop, the stacked one on a phone (site.css shows one;
 * the other is `display: none`, so a screen reader meets one chart).
 */
export function rankCharts(rows: IntervalRow[], topK: number, id = 'rank-chart'): string {
  return (
    `<div class="chart-wide">${rankIntervalChart(rows, topK, id)}</div>` +
    `<div class="chart-narrow">${stackedRankIntervalChart(rows, topK, `${id}-stacked`)}</div>`
  );
}

export interface ProgressPoint {
  date: string;
  completed: number;
}

/** The response rate day by day: completed responses so far over eligible invitations. */
export function progressChart(points: ProgressPoint[], eligible: number, id = 'progress-chart', width = 640): string {
  const narrow = width < 480;
  const height = narrow ? 200 : 220;
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
    // On a phone only the first and last days fit under the line at a readable size.
    const ends = points.length > 1 ? [0, points.length - 1] : [0];
    const labelled = narrow
      ? ends
      : points.length <= 8
        ? points.map((_, k) => k)
        : [0, Math.floor((points.length - 1) / 2), points.length - 1];
    // The first day's date starts and the last day's ends at the plot's edges rather than running past the drawing.
    const anchor = (k: number) => (k === points.length - 1 && k > 0 ? 'end' : k === 0 ? 'start' : 'middle');
    labelled.forEach((k) =>
      parts.push(
        `<text x="${x(k).toFixed(1)}" y="${height - 14}" text-anchor="${anchor(k)}" class="chart-axis" fill="#5b6473">${escapeHtml(formatDate(points[k].date))}</text>`,
      ),
    );
  }
  const last = points[points.length - 1];
  const description = last
    ? `${last.completed} completed of ${eligible} eligible by ${formatDate(last.date)} (${Math.round(rate(last) * 100)}%)`
    : 'No completed responses yet';
  return svg(id, width, height, 'Response rate over time', description, parts, narrow ? 13 : 12);
}

/** The response-rate chart drawn for a laptop and for a phone (site.css shows one of the two). */
export function progressCharts(points: ProgressPoint[], eligible: number, id = 'progress-chart'): string {
  return (
    `<div class="chart-wide">${progressChart(points, eligible, id)}</div>` +
    `<div class="chart-narrow">${progressChart(points, eligible, `${id}-narrow`, 320)}</div>`
  );
}

function svg(
  id: string,
  width: number,
  height: number,
  title: string,
  description: string,
  parts: string[],
  fontSize = 12,
): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" font-family="system-ui, sans-serif" font-size="${fontSize}" viewBox="0 0 ${width} ${height}" role="img" ` +
    `aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeHtml(title)}</title>` +
    `<desc id="${id}-desc">${escapeHtml(description)}</desc>${parts.join('')}</svg>`
  );
}
