import { stringify } from 'csv-stringify/sync';

/** What a CSV cell may hold: numbers and booleans are written as JavaScript prints them, null as empty. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Every CSV the platform exports goes through these options, so each export quotes the same way:
 * RFC 4180 quoting with CRLF line ends, and formula escaping (OWASP's CSV injection advice): a text
 * cell a spreadsheet would run as a formula (= + - @, tab or carriage return first) is prefixed with
 * an apostrophe, while a negative number stays a number. A cell with spaces at either end is quoted
 * so a spreadsheet keeps them.
 */
const OPTIONS = {
  record_delimiter: 'windows',
  // Naming a record delimiter turns off quoting of a bare \n or \r inside a cell unless this says so.
  quote_record_delimiter: true,
  escape_formulas: true,
  quoted_match: /^\s|\s$/,
  cast: { boolean: (value: boolean) => String(value) },
} as const;

/** A whole CSV document: the header row, then the rows. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return stringify([header, ...rows], OPTIONS);
}

/** One CSV line (with its line end), for exports streamed a page at a time. */
export function csvLine(cells: CsvCell[]): string {
  return stringify([cells], OPTIONS);
}
