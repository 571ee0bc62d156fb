/** How the console writes numbers: shares as whole percentages, scores to two decimals. */
export const percent = (share: number | null | undefined): string =>
  share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`;

export const decimals = (value: number | null | undefined, places = 2): string =>
  value === null || value === undefined ? '—' : value.toFixed(places);

export const signedPoints = (pp: number): string => `${pp > 0 ? '+' : pp < 0 ? '−' : ''}${Math.abs(pp).toFixed(0)} pp`;

/** A p-value as people read it: "< 0.001" for tiny values. */
export const pValue = (p: number | null): string => (p === null ? '—' : p < 0.001 ? '< 0.001' : p.toFixed(3));

/** Dates and times are written as every page writes them (one formatter in core). */
export { formatDate, formatDateTime } from '@roundtable/core';
