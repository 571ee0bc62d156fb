import { isoDateTime } from '../format/dates';
/**
 * Keyset paging, the way every list pages (docs/storage.md: lists page by an indexed range, never by
 * skip, and never count the collection per request). A list is sorted by one or more fields, the
 * last always `_id`, so ties in the sort field still have one order. A page link carries a cursor,
 * the sort values of the row it continues from: `after` (Next) or `before` (Previous). Pure
 * functions: repositories turn a plan into a query, services turn rows into a page.
 */

/** Rows a list page shows unless its address asks otherwise (`PageQuery.size`); links leave it out. */
export const DEFAULT_PAGE_SIZE = 50;

/** One sort key: a (dotted) field and its direction. The last key of an order is `_id`. */
export interface SortKey {
  readonly field: string;
  readonly direction: 1 | -1;
}

/** The cursor and page size a list query carries (the `PageQuery` DTO's fields). */
export interface KeysetRequest {
  readonly after?: string;
  readonly before?: string;
  readonly size: number;
}

/** What a repository runs: `range` (null on the first page) AND the list's filters, `sort`, `limit`. */
export interface KeysetPlan {
  readonly range: Record<string, unknown> | null;
  readonly sort: Record<string, 1 | -1>;
  readonly limit: number;
  /** Reading towards the start (a Previous link): rows come back reversed; `keysetPage` turns them. */
  readonly backward: boolean;
  readonly size: number;
  readonly order: readonly SortKey[];
}

/** A page of rows and the cursors of its Previous and Next links (null where there is none). */
export interface KeysetPage<T> {
  readonly rows: T[];
  readonly before: string | null;
  readonly after: string | null;
}

type CursorValue = string | number | boolean | null | Date;
const MAX_CURSOR_LENGTH = 400;

/** A cursor as a URL-safe string: the sort values as JSON (dates tagged), base64url. */
export function encodeCursor(values: readonly unknown[]): string {
  const tagged = values.map((value) =>
    value instanceof Date ? { d: isoDateTime(value) } : isObjectId(value) ? String(value) : value,
  );
  return Buffer.from(JSON.stringify(tagged)).toString('base64url');
}

/** The values a cursor holds (`length` of them, when given), or undefined for anything this code did not write. */
export function decodeCursor(cursor: unknown, length?: number): CursorValue[] | undefined {
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || (length !== undefined && parsed.length !== length)) {
    return undefined;
  }
  const values: CursorValue[] = [];
  for (const item of parsed as unknown[]) {
    if (item === null || ['string', 'number', 'boolean'].includes(typeof item)) {
      values.push(item as CursorValue);
    } else if (isDateTag(item)) {
      values.push(new Date(item.d));
    } else {
      return undefined;
    }
  }
  return values;
}

/** Whether a text is a cursor this code wrote (the DTO's check of `after`/`before`). */
export function isCursor(cursor: unknown): boolean {
  return decodeCursor(cursor) !== undefined;
}

/**
 * The query for one page. `toId` turns the cursor's `_id` text into the stored type; by default it
 * stays text, and a repository over ObjectIds parses it (`objectIdKeyset`). A cursor that does not
 * fit the order (another list's, or edited) reads the first page.
 */
export function keysetPlan(
  order: readonly SortKey[],
  request: KeysetRequest,
  toId: (id: string) => unknown = (id) => id,
): KeysetPlan {
  const backward = request.before !== undefined && request.after === undefined;
  const values = decodeCursor(backward ? request.before : request.after, order.length);
  const usable = values !== undefined && typeof values[values.length - 1] === 'string';
  const base = { limit: request.size + 1, size: request.size, order };
  if (!usable) {
    return { ...base, range: null, sort: sortOf(order, 1), backward: false };
  }
  const typed = values.map((value, index) => (order[index].field === '_id' ? toId(value as string) : value));
  return {
    ...base,
    range: rangeAfter(order, typed, backward ? -1 : 1),
    sort: sortOf(order, backward ? -1 : 1),
    backward,
  };
}

/**
 * A page from the rows a plan read (at most `size + 1`: the extra row only says another page
 * exists). A page read forward has a Previous link when it continued from a cursor; one read
 * backward always has a Next link (the page it came from).
 */
export function keysetPage<T extends object>(rows: T[], plan: KeysetPlan): KeysetPage<T> {
  const more = rows.length > plan.size;
  const shown = rows.slice(0, plan.size);
  if (plan.backward) {
    shown.reverse();
  }
  const cursorOf = (row: T | undefined) =>
    row === undefined ? null : encodeCursor(plan.order.map((key) => valueAt(row, key.field)));
  const continued = plan.range !== null;
  return {
    rows: shown,
    before: (plan.backward ? more : continued) ? cursorOf(shown[0]) : null,
    after: (plan.backward ? continued : more) ? cursorOf(shown[shown.length - 1]) : null,
  };
}

/**
 * The Previous and Next addresses of a page: the list's path, its filters as the query string
 * (empty values left out) and the cursor.
 */
export function pageLinks(
  path: string,
  filters: Record<string, string | number | boolean | undefined | null>,
  page: Pick<KeysetPage<unknown>, 'before' | 'after'>,
): { previous: string | null; next: string | null } {
  const link = (cursor: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) {
      // The default page size goes without saying, so a link reads like the one the navigation gives.
      const unsaid = value === undefined || value === null || value === '' || value === false;
      if (!unsaid && !(key === 'size' && value === DEFAULT_PAGE_SIZE)) {
        params.set(key, String(value));
      }
    }
    for (const [key, value] of Object.entries(cursor)) {
      params.set(key, value);
    }
    return `${path}?${params.toString()}`;
  };
  return {
    previous: page.before === null ? null : link({ before: page.before }),
    next: page.after === null ? null : link({ after: page.after }),
  };
}

/** Rows strictly beyond `values` in `order` (read in `direction`): the OR of each key's prefix. */
function rangeAfter(order: readonly SortKey[], values: readonly unknown[], direction: 1 | -1): Record<string, unknown> {
  const branches = order.map((key, index) => {
    const branch: Record<string, unknown> = {};
    for (let before = 0; before < index; before += 1) {
      branch[order[before].field] = values[before];
    }
    branch[key.field] = { [key.direction * direction === 1 ? '$gt' : '$lt']: values[index] };
    return branch;
  });
  return branches.length === 1 ? branches[0] : { $or: branches };
}

function sortOf(order: readonly SortKey[], direction: 1 | -1): Record<string, 1 | -1> {
  return Object.fromEntries(order.map((key) => [key.field, (key.direction * direction) as 1 | -1]));
}

/** A dotted field's value in a row (`application.submittedAt`). */
function valueAt(row: object, field: string): unknown {
  return (
    field.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown> | null)?.[part], row) ?? null
  );
}

function isDateTag(item: unknown): item is { d: string } {
  return (
    typeof item === 'object' &&
    item !== null &&
    Object.keys(item).length === 1 &&
    typeof (item as { d?: unknown }).d === 'string' &&
    !Number.isNaN(Date.parse((item as { d: string }).d))
  );
}

function isObjectId(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { _bsontype?: string })._bsontype === 'ObjectId';
}
