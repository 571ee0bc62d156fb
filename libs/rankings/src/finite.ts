/**
 * The paths (`weighted.items[3].borda`) of every number in `value` that is NaN or ±Infinity. A result
 * must hold none: JSON cannot carry them (JSON.stringify writes null, so an export would silently
 * differ from the snapshot) and FerretDB refuses NaN by closing the connection. Where a figure has no
 * meaning (no respondents, nobody holds the item) the computation says so with null instead.
 */
export function nonFiniteFields(value: unknown, path = ''): string[] {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? [] : [`${path || '(the value)'} = ${value}`];
  }
  if (value === null || typeof value !== 'object') {
    return [];
  }
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    return Array.from(value as ArrayLike<unknown>).flatMap((entry, k) => nonFiniteFields(entry, `${path}[${k}]`));
  }
  return Object.entries(value).flatMap(([key, entry]) => nonFiniteFields(entry, path ? `${path}.${key}` : key));
}
