import {
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  keysetPage,
  keysetPlan,
  pageLinks,
  type SortKey,
} from './keyset';

/** An in-memory list sorted and filtered as a database would run a plan, to walk pages end to end. */
function run<T extends Record<string, unknown>>(rows: T[], plan: ReturnType<typeof keysetPlan>): T[] {
  const compare = (a: T, b: T) => {
    for (const [field, direction] of Object.entries(plan.sort)) {
      const x = a[field] as number | string;
      const y = b[field] as number | string;
      if (x !== y) {
        return (x < y ? -1 : 1) * direction;
      }
    }
    return 0;
  };
  const beyond = (row: T, range: Record<string, unknown>): boolean => {
    if ('$or' in range) {
      return (range.$or as Array<Record<string, unknown>>).some((branch) => beyond(row, branch));
    }
    return Object.entries(range).every(([field, condition]) => {
      if (typeof condition === 'object' && condition !== null && ('$gt' in condition || '$lt' in condition)) {
        const c = condition as { $gt?: number | string; $lt?: number | string };
        const value = row[field] as number | string;
        return '$gt' in c ? value > c.$gt! : value < c.$lt!;
      }
      return row[field] === condition;
    });
  };
  return rows
    .filter((row) => plan.range === null || beyond(row, plan.range))
    .sort(compare)
    .slice(0, plan.limit);
}

const ORDER: SortKey[] = [
  { field: 'score', direction: -1 },
  { field: '_id', direction: 1 },
];
// Ties in the sort field across page boundaries: five rows share score 3.
const ROWS = Array.from({ length: 23 }, (_, i) => ({
  _id: `id${String(i).padStart(2, '0')}`,
  score: i % 3 === 0 ? 3 : i,
}));
const EXPECTED = [...ROWS].sort((a, b) => b.score - a.score || (a._id < b._id ? -1 : 1)).map((row) => row._id);
const id = (text: string) => text;

describe('keyset paging', () => {
  it('walks forward through ties with no row twice and none left out, then back the same way', () => {
    const seen: string[] = [];
    const pages: Array<{ before: string | null; after: string | null; ids: string[] }> = [];
    let after: string | undefined;
    do {
      const plan = keysetPlan(ORDER, { after, size: 5 }, id);
      const page = keysetPage(run(ROWS, plan), plan);
      pages.push({ before: page.before, after: page.after, ids: page.rows.map((row) => row._id) });
      seen.push(...page.rows.map((row) => row._id));
      after = page.after ?? undefined;
    } while (after);
    expect(seen).toEqual(EXPECTED);
    expect(pages).toHaveLength(5);
    expect(pages[0].before).toBeNull();
    expect(pages[4].after).toBeNull();

    // Previous from the last page gives back each earlier page exactly.
    let before = pages[4].before ?? undefined;
    for (let index = 3; index >= 0; index -= 1) {
      const plan = keysetPlan(ORDER, { before, size: 5 }, id);
      const page = keysetPage(run(ROWS, plan), plan);
      expect(page.rows.map((row) => row._id)).toEqual(pages[index].ids);
      expect(page.after).not.toBeNull();
      expect(page.before === null).toBe(index === 0);
      before = page.before ?? undefined;
    }
  });

  it('reads the first page for a cursor it did not write or one of another order', () => {
    for (const cursor of ['garbage!', 'e30', encodeCursor([1, 2, 3]), 'x'.repeat(500)]) {
      const plan = keysetPlan(ORDER, { after: cursor, size: 5 }, id);
      expect(plan.range).toBeNull();
      expect(plan.backward).toBe(false);
    }
  });

  it('builds a range on the sort field and _id, dates kept as dates', () => {
    const when = new Date('2026-11-20T10:00:00Z');
    const cursor = encodeCursor([when, 'abc']);
    expect(decodeCursor(cursor, 2)).toEqual([when, 'abc']);
    const plan = keysetPlan(
      [
        { field: 'createdAt', direction: 1 },
        { field: '_id', direction: 1 },
      ],
      { after: cursor, size: 10 },
      (text) => `id:${text}`,
    );
    expect(plan.range).toEqual({ $or: [{ createdAt: { $gt: when } }, { createdAt: when, _id: { $gt: 'id:abc' } }] });
    expect(plan.sort).toEqual({ createdAt: 1, _id: 1 });
    expect(plan.limit).toBe(11);
    const back = keysetPlan([{ field: '_id', direction: 1 }], { before: encodeCursor(['abc']), size: 10 }, id);
    expect(back.range).toEqual({ _id: { $lt: 'abc' } });
    expect(back.sort).toEqual({ _id: -1 });
  });

  it('links keep the filters and leave empty ones out', () => {
    expect(
      pageLinks('/admin/members', { role: 'member', search: '', tier: undefined }, { before: 'b', after: 'a' }),
    ).toEqual({
      previous: '/admin/members?role=member&before=b',
      next: '/admin/members?role=member&after=a',
    });
    expect(pageLinks('/admin/members', {}, { before: null, after: null })).toEqual({ previous: null, next: null });
  });

  it('links leave the default page size out and keep any other', () => {
    const page = { before: null, after: 'a' };
    expect(pageLinks('/admin/tiers', { size: DEFAULT_PAGE_SIZE }, page).next).toBe('/admin/tiers?after=a');
    expect(pageLinks('/admin/tiers', { size: 20 }, page).next).toBe('/admin/tiers?size=20&after=a');
  });
});
