import { referenceKendallW, referenceRanking } from '../spec/reference';
import { computeRanking } from './compute';
import type { ExchangeDocument } from './exchange';
import { nonFiniteFields } from './finite';

const ITEMS = ['Tactics', 'Experience', 'Metrics', 'Culture', 'Strategy', 'Needs'];

/** A survey drawn with a small LCG so the test data are fixed but not hand-typed. */
function survey(size: number, seed = 1): ExchangeDocument {
  let state = seed;
  const next = (k: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * k);
  };
  const responses = Array.from({ length: size }, (_, k) => {
    const pool = [...ITEMS];
    const held = Array.from({ length: next(ITEMS.length + 1) }, () => pool.splice(next(pool.length), 1)[0]);
    return {
      id: `r${k}`,
      held,
      profile: { revenue: next(3) === 0 ? '<$100M' : '>$1B', business: k < 4 ? 'B2C' : 'B2B' },
    };
  });
  const invited = Array.from({ length: size * 2 }, (_, k) => ({
    profile: { revenue: k % 2 ? '<$100M' : '>$1B', business: k % 3 ? 'B2B' : 'B2C' },
  }));
  return { items: ITEMS, responses, invited, options: { seed: 9, resamples: 100, top_k: 3, min_cell: 5 } };
}

describe('computeRanking', () => {
  it('ranks like the reference computation and gives the reference Kendall’s W', () => {
    const doc = survey(40);
    const result = computeRanking(doc);
    const held = doc.responses.map((r) => r.held);
    const reference = referenceRanking(ITEMS, held);
    expect(result.respondents).toBe(40);
    expect(result.items.map((i) => i.item)).toEqual(reference.map((r) => r.item));
    result.items.forEach((row, k) => {
      expect(row.rank).toBe(k + 1);
      expect(row.borda).toBeCloseTo(reference[k].borda, 12);
      expect(row.mean_rank).toEqual(reference[k].meanRank);
      expect(row.rank_interval?.[0]).toBeLessThanOrEqual(row.rank_interval?.[1] ?? 0);
    });
    expect(result.kendall_w).toBeCloseTo(referenceKendallW(ITEMS, held) as number, 12);
    expect(result.response_rate).toEqual({
      invited: 80,
      bounced: 0,
      eligible: 80,
      completed: 40,
      partial: null,
      rate: 0.5,
    });
  });

  it('permutes the result when the items are relabelled and listed in another order', () => {
    const doc = survey(30, 5);
    const rename = (name: string) => `x-${[...name].reverse().join('')}`;
    const relabelled: ExchangeDocument = {
      ...doc,
      items: [...doc.items].reverse().map(rename),
      responses: doc.responses.map((r) => ({ ...r, held: r.held.map(rename) })),
    };
    const before = computeRanking(doc);
    const after = computeRanking(relabelled);
    // Scores, incumbency, mean ranks and the bootstrap do not depend on names or display order;
    // only exact ties in both score and incumbency fall back to names, and there are none here.
    const key = (items: typeof before.items) =>
      items.map(({ item: _item, ...figures }) => figures).sort((a, b) => a.rank - b.rank);
    expect(new Set(before.items.map((i) => i.borda)).size).toBe(ITEMS.length);
    expect(key(after.items)).toEqual(key(before.items));
    expect(after.items.map((i) => i.item)).toEqual(before.items.map((i) => rename(i.item)));
    expect(after.kendall_w).toBe(before.kendall_w);
  });

  it('gives the same result twice for the same seed', () => {
    expect(computeRanking(survey(25))).toEqual(computeRanking(survey(25)));
  });

  it('hides a segment of 4 respondents and shows the others with their own ranking', () => {
    const result = computeRanking(survey(30));
    const business = result.segments?.find((s) => s.attribute === 'business');
    expect(business?.values.map((v) => [v.value, v.respondents, v.shown])).toEqual([
      ['B2B', 26, true],
      ['B2C', 4, false],
    ]);
    const b2c = business?.values[1];
    expect(b2c && ('items' in b2c || 'kendall_w' in b2c)).toBe(false);
    const doc = survey(30);
    const b2bHeld = doc.responses.filter((r) => r.profile?.business === 'B2B').map((r) => r.held);
    expect(business?.values[0].items?.map((i) => i.item)).toEqual(referenceRanking(ITEMS, b2bHeld).map((r) => r.item));
  });

  it('shows a segment of exactly min_cell respondents, and hides it one below', () => {
    const doc = survey(30);
    const b2c = (minCell: number) =>
      computeRanking({ ...doc, options: { ...doc.options, min_cell: minCell } })
        .segments?.find((s) => s.attribute === 'business')
        ?.values.find((v) => v.value === 'B2C');
    expect(b2c(4)).toMatchObject({ respondents: 4, shown: true });
    expect(b2c(4)?.items).toHaveLength(ITEMS.length);
    expect(b2c(5)).toEqual({ value: 'B2C', respondents: 4, shown: false });
  });

  it('gives another bootstrap for seeds that differ only above the low 32 bits, up to 2^53', () => {
    const doc = survey(25);
    const bootstrap = (seed: number) =>
      computeRanking({ ...doc, options: { ...doc.options, seed } }).items.map((i) => [i.rank_interval, i.top_k_share]);
    for (const low of [42, 0xffffffff]) {
      expect(bootstrap(low + 2 ** 32)).not.toEqual(bootstrap(low));
      expect(bootstrap(low + 2 ** 52)).not.toEqual(bootstrap(low));
    }
    expect(bootstrap(Number.MAX_SAFE_INTEGER)).not.toEqual(bootstrap(Number.MAX_SAFE_INTEGER - 2 ** 32));
  });

  it('weights the skewed attributes so the weighted incumbency matches a hand reweighting', () => {
    const doc = survey(60, 3);
    const result = computeRanking(doc);
    const skewed = result.skew?.filter((s) => s.skewed).map((s) => s.attribute) ?? [];
    expect(result.weighted?.weight_by).toEqual(skewed);
    // With one attribute asked for, weights are member share ÷ respondent share per value.
    const one = computeRanking({ ...doc, options: { ...doc.options, weight_by: ['business'] } });
    const share = (list: { profile?: Record<string, string> }[], value: string) =>
      list.filter((p) => p.profile?.business === value).length / list.length;
    const weight = (value: string) => share(doc.invited ?? [], value) / share(doc.responses, value);
    const item = ITEMS[0];
    const expected =
      doc.responses.reduce((sum, r) => sum + (r.held.includes(item) ? weight(r.profile?.business ?? '') : 0), 0) /
      doc.responses.length;
    expect(one.weighted?.method).toBe('post-stratification');
    expect(one.weighted?.items.find((i) => i.item === item)?.incumbency).toBeCloseTo(expected, 12);
  });

  it('weights every respondent 1 when no attribute is skewed, so the weighted table equals the unweighted one', () => {
    const doc = survey(40);
    // Invited members exactly like the respondents: no attribute can be skewed.
    const result = computeRanking({ ...doc, invited: doc.responses.map((r) => ({ profile: r.profile })) });
    expect(result.skew?.every((s) => !s.skewed)).toBe(true);
    expect(result.weighted?.weight_by).toEqual([]);
    expect(result.weighted?.items.map((i) => [i.item, i.holders, i.borda])).toEqual(
      result.items.map((i) => [i.item, i.holders, i.borda]),
    );
    expect(nonFiniteFields(result)).toEqual([]);
  });

  // The benchmark's council: every invited member in one tier, profiles spread evenly, so nothing is
  // skewed and the tier has a single value (no chi-square); its weighted table once held NaN.
  const council = (): ExchangeDocument => {
    const doc = survey(60);
    const invited = Array.from({ length: 600 }, (_, k) => ({
      profile: { revenue: k % 3 === 0 ? '<$100M' : '>$1B', business: k % 10 < 7 ? 'B2B' : 'B2C', tier: 'council' },
    }));
    const responses = doc.responses.map((r, k) => ({ ...r, profile: { ...invited[k * 10 + (k % 10)].profile } }));
    return { ...doc, responses, invited };
  };
  const edgeCases: [string, () => ExchangeDocument][] = [
    ['the benchmark’s council (nothing skewed, one tier)', council],
    ['no respondents, invited members with profiles', () => ({ ...council(), responses: [] })],
    [
      'one respondent who holds nothing',
      () => ({ ...council(), responses: [{ held: [], profile: { tier: 'council' } }] }),
    ],
    [
      'everyone holds every item in the same order',
      () => ({ ...survey(8), responses: survey(8).responses.map((r) => ({ ...r, held: ITEMS })) }),
    ],
    [
      'weighting by an attribute nobody has',
      () => ({ ...survey(20), options: { ...survey(20).options, weight_by: ['industry'] } }),
    ],
    [
      'respondents whose values no invited member has',
      () => ({ ...survey(20), invited: [{ profile: { revenue: 'none', business: 'none' } }] }),
    ],
    ['an empty invited list', () => ({ ...survey(20), invited: [] })],
    [
      'respondents without profiles',
      () => ({ ...survey(20), responses: survey(20).responses.map((r) => ({ held: r.held })) }),
    ],
    [
      'raking two attributes whose margins conflict',
      () => ({
        ...survey(1),
        responses: [
          { held: ['Tactics'], profile: { revenue: '<$100M', business: 'B2C' } },
          ...Array.from({ length: 19 }, () => ({ held: ['Metrics'], profile: { revenue: '>$1B', business: 'B2B' } })),
        ],
        options: { ...survey(1).options, weight_by: ['revenue', 'business'] },
      }),
    ],
  ];
  it('finds nothing skewed in the benchmark’s council, so its weighted table weighs everyone 1', () => {
    const result = computeRanking(council());
    expect(result.skew?.some((s) => s.skewed)).toBe(false);
    expect([result.weighted?.method, result.weighted?.weight_min, result.weighted?.weight_max]).toEqual(['none', 1, 1]);
  });

  it.each(edgeCases)('holds no NaN or infinite number for %s', (_, doc) => {
    expect(nonFiniteFields(computeRanking(doc()))).toEqual([]);
  });

  it('handles no respondents: zero scores, no intervals, no W', () => {
    const result = computeRanking({ items: ['a', 'b'], responses: [] });
    expect(result.respondents).toBe(0);
    expect(result.kendall_w).toBeNull();
    expect(result.items.map((i) => [i.item, i.borda, i.rank_interval, i.top_k_share, i.mean_rank])).toEqual([
      ['a', 0, null, null, null],
      ['b', 0, null, null, null],
    ]);
    expect(result.segments).toBeUndefined();
  });
});
