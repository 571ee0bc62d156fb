/**
 * A time from the form's `datetime-local` field, which carries no zone: the editor labels it UTC, so
 * it is read as UTC whatever the server's zone (a value with its own zone is kept as given).
 */
export function parseUtc(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value}Z` : value);
}

/**
 * When a post goes out as Publish is pressed: at the time given; with none, a post already out keeps
 * its date (its place in the feed), and any other (a draft, one in review, one scheduled) goes out now.
 */
export function publicationTime(given: Date | null, current: Date | null, now: Date): Date {
  if (given) {
    return given;
  }
  return current && current.getTime() <= now.getTime() ? current : now;
}
