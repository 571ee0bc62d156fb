/*
 * The census page's charts, drawn on the server as SVG strings (no script; colours as attributes, so
 * a chart reads the same saved on its own). Drawn 360 units wide with 13-unit text, so at a phone's
 * 390 px the text is about its stated size. Every piece of text is escaped here (the page embeds the
 * SVG with `| safe`); each chart has a title and a description listing its numbers for screen
 * readers, and the page shows the same numbers as a table.
 */

import { escapeHtml } from '@roundtable/core';

const WIDTH = 360;
const LEFT = 40;
const RIGHT = 12;
const TOP = 14;
const PLOT_HEIGHT = 150;
const BOTTOM = 34;
const INK = '#1d2430';
const MUTED = '#5b6473';
const GRID = '#e3e7ee';
const BAR = '#2f5d9e';

export interface Bar {
  label: string;
  value: number;
}

/** Bars from left to right (the population on 1 January of each year, then the census date). */
export function barChart(id: string, title: string, bars: Bar[], describe: (bar: Bar) => string): string {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const max = niceMax(Math.max(1, ...bars.map((bar) => bar.value)));
  const step = plotWidth / Math.max(bars.length, 1);
  const y = (value: number) => TOP + PLOT_HEIGHT - (value / max) * PLOT_HEIGHT;
  const parts = gridLines(max, y, (value) => String(value));
  // Label about every fifth bar (and the last), so labels never overlap at 360 units.
  const every = Math.max(1, Math.ceil(bars.length / 6));
  bars.forEach((bar, k) => {
    const x = LEFT + k * step;
    const height = TOP + PLOT_HEIGHT - y(bar.value);
    parts.push(
      `<rect x="${fix(x + step * 0.15)}" y="${fix(y(bar.value))}" width="${fix(step * 0.7)}" height="${fix(height)}" fill="${BAR}" class="chart-bar"><title>${escapeHtml(describe(bar))}</title></rect>`,
    );
    // The last bar (the census date) is labelled unless that would crowd the label before it.
    const last = k === bars.length - 1 && k % every >= every / 2;
    if (k % every === 0 || last) {
      parts.push(
        `<text x="${fix(x + step / 2)}" y="${TOP + PLOT_HEIGHT + 16}" text-anchor="middle" fill="${MUTED}">${escapeHtml(bar.label)}</text>`,
      );
    }
  });
  return svg(id, title, bars.map(describe).join('; '), parts);
}

export interface Step {
  months: number;
  share: number;
}

/** The Kaplan–Meier curve: S(t) from 1 at 0 months, stepping down at each event, up to `until` months. */
export function survivalChart(id: string, title: string, steps: Step[], until: number, marks: Step[]): string {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const x = (months: number) => LEFT + (Math.min(months, until) / until) * plotWidth;
  const y = (share: number) => TOP + PLOT_HEIGHT - share * PLOT_HEIGHT;
  const parts = gridLines(1, y, (share) => `${Math.round(share * 100)}%`);
  let path = `M${fix(x(0))},${fix(y(1))}`;
  let last = 1;
  for (const step of steps) {
    if (step.months > until) {
      break;
    }
    path += ` H${fix(x(step.months))} V${fix(y(step.share))}`;
    last = step.share;
  }
  path += ` H${fix(x(until))}`;
  parts.push(`<path d="${path}" fill="none" stroke="${BAR}" stroke-width="2.5" class="chart-line"/>`);
  parts.push(
    `<line x1="${LEFT}" y1="${fix(y(0.5))}" x2="${WIDTH - RIGHT}" y2="${fix(y(0.5))}" stroke="${MUTED}" stroke-dasharray="4 3"/>`,
  );
  for (let months = 0; months <= until; months += until > 60 ? 24 : 12) {
    parts.push(
      `<text x="${fix(x(months))}" y="${TOP + PLOT_HEIGHT + 16}" text-anchor="middle" fill="${MUTED}">${months}</text>`,
    );
  }
  parts.push(
    `<text x="${fix(LEFT + plotWidth / 2)}" y="${TOP + PLOT_HEIGHT + 31}" text-anchor="middle" fill="${MUTED}">months in the role</text>`,
  );
  const description =
    marks.map((mark) => `${Math.round(mark.share * 100)}% still in the role after ${mark.months} months`).join('; ') +
    (steps.length === 0 ? '; nobody has left the role yet' : `; ${Math.round(last * 100)}% at ${until} months`);
  return svg(id, title, description, parts);
}

function gridLines(max: number, y: (value: number) => number, label: (value: number) => string): string[] {
  const parts: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const value = (max * k) / 4;
    parts.push(
      `<line x1="${LEFT}" y1="${fix(y(value))}" x2="${WIDTH - RIGHT}" y2="${fix(y(value))}" stroke="${GRID}"/>`,
      `<text x="${LEFT - 5}" y="${fix(y(value) + 4)}" text-anchor="end" fill="${MUTED}">${escapeHtml(label(value))}</text>`,
    );
  }
  return parts;
}

/** A round axis maximum at or above `value` (1, 2, 2.5 or 5 times a power of ten, divisible by 4 steps). */
export function niceMax(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const nice = [1, 2, 4, 5, 8, 10].map((m) => m * power).find((m) => m >= value) ?? 10 * power;
  return Number.isInteger(nice / 4) ? nice : Math.ceil(nice / 4) * 4;
}

function fix(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function svg(id: string, title: string, description: string, parts: string[]): string {
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart census-chart" font-family="system-ui, sans-serif" font-size="13" fill="${INK}" viewBox="0 0 ${WIDTH} ${height}" role="img" ` +
    `aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeHtml(title)}</title>` +
    `<desc id="${id}-desc">${escapeHtml(description)}</desc>${parts.join('')}</svg>`
  );
}
