/**
 * A time from the form's `datetime-local` field, which carries no zone: the editor labels it UTC, so
 * it is read as UTC whatever the server's zone (a value with its own zone is kept as given).
 */
export function parseUtc(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value}Z` : value);
}
