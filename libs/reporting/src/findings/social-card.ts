import { Resvg } from '@resvg/resvg-js';
import { escapeHtml } from '@roundtable/core';
import { wrap } from '../trends/slope-chart';

export interface CardRow {
  /** "1", or "=6" for a tie. */
  rank: string;
  item: string;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/**
 * The share card of a published finding (OpenGraph's 1200 × 630): the council's wordmark, the
 * survey's title, the top k as a ranked list with a bar per rank, and how many answered. The text is
 * the public headline only (what the home page's teaser shows visitors). Escaped here, as every chart.
 */
export function socialCardSvg(title: string, rows: readonly CardRow[], respondents: number): string {
  const parts: string[] = [
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#ffffff"/>`,
    `<rect width="${CARD_WIDTH}" height="12" fill="#2f5d9e"/>`,
    `<text x="60" y="78" font-size="30" font-weight="bold" fill="#2f5d9e">Roundtable</text>`,
  ];
  const titleLines = wrap(title, 52).slice(0, 2);
  titleLines.forEach((line, k) =>
    parts.push(
      `<text x="60" y="${128 + k * 40}" font-size="34" font-weight="bold" fill="#1d2430">${escapeHtml(line)}</text>`,
    ),
  );
  const top = 128 + titleLines.length * 40 + 10;
  const rowHeight = Math.min(52, (CARD_HEIGHT - top - 70) / Math.max(rows.length, 1));
  const fontSize = Math.min(26, Math.floor(rowHeight * 0.55));
  rows.forEach((row, k) => {
    const y = top + k * rowHeight;
    parts.push(
      `<rect x="60" y="${y + 6}" width="72" height="${rowHeight - 12}" rx="6" fill="#eef4ea"/>`,
      `<text x="96" text-anchor="middle" y="${y + rowHeight / 2 + fontSize * 0.35}" font-size="${fontSize}" font-weight="bold" fill="#2f5d9e">${escapeHtml(row.rank)}</text>`,
      `<text x="150" y="${y + rowHeight / 2 + fontSize * 0.35}" font-size="${fontSize}" fill="#1d2430">${escapeHtml(row.item)}</text>`,
    );
  });
  parts.push(
    `<text x="60" y="${CARD_HEIGHT - 36}" font-size="22" fill="#5b6473">${escapeHtml(`${respondents} members answered · the council's research`)}</text>`,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" ` +
    `font-family="DejaVu Sans, Liberation Sans, sans-serif">${parts.join('')}</svg>`
  );
}

/**
 * Rasterises an SVG to PNG with resvg (Rust, no browser), with the machine's fonts: Debian's
 * DejaVu and Liberation fonts, which the browser tests install, draw the text.
 */
export function svgToPng(svg: string): Buffer {
  const rendered = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'original' },
  }).render();
  return Buffer.from(rendered.asPng());
}
