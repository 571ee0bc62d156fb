import { bootstrapRanks } from './bootstrap';
import { itemTotals, pointVectors, rankOrder, standings, type ItemStanding } from './borda';
import { resolveOptions, type ExchangeDocument } from './exchange';
import { nonFiniteFields } from './finite';
import { kendallW } from './kendall';
import { packAttribute, packHeld, selectRespondents, type PackedResponses } from './packed';
import { responseRate } from './response-rate';
import {
  METHOD,
  METHOD_VERSION,
  type RankedItem,
  type RankingResult,
  type SegmentTable,
  type SkewTable,
  type WeightedTable,
} from './result';
import { attributeSkew } from './skew';
import { rakeWeights, unitWeights } from './weights';

/** Counts the platform knows beyond the file: bounced invitations and partial responses. */
export interface ResponseCounts {
  invited: number;
  bounced: number;
  partial: number;
}

/**
 * Computes the whole result of the contract of docs/research.md from a checked exchange document (parseExchange):
 * the Borda ranking with bootstrap intervals, Kendall's W, and, when profiles are given, the
 * response rate, skew, weighted and segment tables. The same inputs always give the same output.
 */
export function computeRanking(doc: ExchangeDocument, counts?: ResponseCounts): RankingResult {
  const options = resolveOptions(doc.options);
  const names = doc.items;
  const index = new Map(names.map((name, f) => [name, f]));
  const packed = packHeld(
    names.length,
    doc.responses.map((r) => r.held.map((name) => index.get(name) as number)),
  );
  const vectors = pointVectors(packed);
  const overall = standings(itemTotals(packed, vectors));
  const order = rankOrder(
    overall.map((s) => s.borda),
    overall.map((s) => s.incumbency),
    names,
  );
  const m = packed.respondentCount;
  const boot = bootstrapRanks(packed, vectors, names, {
    seed: options.seed,
    resamples: options.resamples,
    topK: options.top_k,
  });
  const result: RankingResult = {
    method: METHOD,
    method_version: METHOD_VERSION,
    options: { ...options, weight_by: options.weight_by ?? null },
    respondents: m,
    kendall_w: kendallW(packed),
    items: order.map((f, r) => ({
      ...rankedItem(overall[f], r + 1, names),
      rank_interval: m > 0 && options.resamples > 0 ? boot.rankInterval[f] : null,
      top_k_share: m > 0 && options.resamples > 0 ? boot.topKShare[f] : null,
    })),
  };
  const profiles = doc.responses.map((r) => r.profile);
  if (doc.invited) {
    const invited = doc.invited.map((entry) => entry.profile);
    result.response_rate = responseRate({
      invited: counts?.invited ?? invited.length,
      bounced: counts?.bounced ?? 0,
      completed: m,
      partial: counts ? counts.partial : null,
    });
    result.skew = skewTables(profiles, invited);
    const weightBy = options.weight_by ?? result.skew.filter((s) => s.skewed).map((s) => s.attribute);
    result.weighted = weightedTable(packed, vectors, names, profiles, invited, weightBy, order);
  }
  const attributes = attributeNames(profiles);
  if (attributes.length > 0) {
    result.segments = attributes.map((name) => segmentTable(packed, names, profiles, name, options.min_cell));
  }
  // Every figure without meaning is null above; a NaN here is a bug, and stored it would close
  // FerretDB's connection (exported, JSON would turn it into null): fail with where it is instead.
  const nonFinite = nonFiniteFields(result);
  if (nonFinite.length > 0) {
    throw new RangeError(`The ranking computed a number that is not finite: ${nonFinite.slice(0, 5).join('; ')}`);
  }
  return result;
}

type Profiles = (Readonly<Record<string, string>> | undefined)[];

/** Attribute names found in any profile, in order of first appearance. */
function attributeNames(...groups: Profiles[]): string[] {
  const names = new Set<string>();
  for (const profiles of groups) {
    for (const profile of profiles) {
      Object.keys(profile ?? {}).forEach((key) => names.add(key));
    }
  }
  return [...names];
}

function skewTables(profiles: Profiles, invited: Profiles): SkewTable[] {
  return attributeNames(invited, profiles).map((name) => {
    const [respondents, members] = packAttribute(name, [profiles, invited]);
    const skew = attributeSkew(respondents, members);
    return {
      attribute: skew.attribute,
      values: skew.values.map((v) => ({
        value: v.value,
        respondents: v.respondents,
        respondent_share: v.respondentShare,
        invited: v.invited,
        invited_share: v.invitedShare,
        gap_pp: v.gapPp,
      })),
      chi_square: skew.chiSquare,
      df: skew.df,
      p_value: skew.pValue,
      skewed: skew.skewed,
      toward: skew.toward,
      summary: skew.summary,
    };
  });
}

function weightedTable(
  packed: PackedResponses,
  vectors: ReturnType<typeof pointVectors>,
  names: readonly string[],
  profiles: Profiles,
  invited: Profiles,
  weightBy: string[],
  unweightedOrder: number[],
): WeightedTable {
  const coded = weightBy.map((name) => packAttribute(name, [profiles, invited]));
  // With no attribute to weight by (nothing skewed), rakeWeights cannot know the respondent count and
  // returns no weights; every respondent then weighs 1, or the totals would read undefined as NaN.
  const w =
    coded.length > 0
      ? rakeWeights(
          coded.map((c) => c[0]),
          coded.map((c) => c[1]),
        )
      : unitWeights(packed.respondentCount);
  const weighted = standings(itemTotals(packed, vectors, w.weights));
  const order = rankOrder(
    weighted.map((s) => s.borda),
    weighted.map((s) => s.incumbency),
    names,
  );
  const unweightedRank = new Map(unweightedOrder.map((f, r) => [f, r + 1]));
  return {
    method: w.method,
    weight_by: weightBy,
    iterations: w.iterations,
    converged: w.converged,
    design_effect: w.designEffect,
    // A loop, not Math.min(...weights): spreading 100,000 arguments can overflow the call stack.
    weight_min: w.weights.length > 0 ? w.weights.reduce((a, b) => Math.min(a, b)) : 1,
    weight_max: w.weights.length > 0 ? w.weights.reduce((a, b) => Math.max(a, b)) : 1,
    items: order.map((f, r) => ({
      ...rankedItem(weighted[f], r + 1, names),
      unweighted_rank: unweightedRank.get(f) ?? 0,
    })),
  };
}

/** One attribute's cells; a cell below minCell respondents is listed without any figure. */
function segmentTable(
  packed: PackedResponses,
  names: readonly string[],
  profiles: Profiles,
  name: string,
  minCell: number,
): SegmentTable {
  const [attribute] = packAttribute(name, [profiles]);
  const members: number[][] = attribute.values.map(() => []);
  attribute.codes.forEach((code, i) => members[code].push(i));
  const values = attribute.values.map((value, v) => {
    const respondents = members[v].length;
    if (respondents < minCell) {
      return { value, respondents, shown: false };
    }
    const cell = selectRespondents(packed, members[v]);
    const figures = standings(itemTotals(cell, pointVectors(cell)));
    const order = rankOrder(
      figures.map((s) => s.borda),
      figures.map((s) => s.incumbency),
      names,
    );
    return {
      value,
      respondents,
      shown: true,
      kendall_w: kendallW(cell),
      items: order.map((f, r) => rankedItem(figures[f], r + 1, names)),
    };
  });
  values.sort((x, y) => y.respondents - x.respondents || (x.value < y.value ? -1 : 1));
  return { attribute: name, min_cell: minCell, values };
}

function rankedItem(s: ItemStanding, rank: number, names: readonly string[]): RankedItem {
  return {
    item: names[s.index],
    rank,
    borda: s.borda,
    incumbency: s.incumbency,
    holders: s.holders,
    mean_rank: s.meanRank,
  };
}
