/**
 * CSV for spreadsheets (RFC 4180 quoting). A cell that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) is prefixed with a quote mark, so an exported
 * name like `=HYPERLINK(...)` stays text (OWASP's CSV injection advice).
 */
export function toCsv(header: string[], rows: Array<Array<string | number | boolean | null | undefined>>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
