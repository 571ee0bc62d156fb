/**
 * CSV as spreadsheets read it (RFC 4180 quoting). A cell that starts with = + - @ is prefixed with an
 * apostrophe so a spreadsheet does not run it as a formula (item names and profile values are typed
 * by people); negative numbers are numbers and are left alone.
 */
export function toCsv(columns: string[], rows: (string | number | boolean | null)[][]): string {
  return [columns, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number | boolean | null): string {
  if (value === null) {
    return '';
  }
  if (typeof value !== 'string') {
    return String(value);
  }
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
