import { chiSquareStatistic, chiSquareUpperTail } from './chi-square';
import { countByValue, type PackedAttribute } from './packed';

/** A gap of this many percentage points between respondents and members is called a skew. */
export const SKEW_GAP_PP = 10;
/** …and so is a chi-square goodness-of-fit test below this p-value. */
export const SKEW_P_VALUE = 0.05;

export interface SkewValue {
  readonly value: string;
  readonly respondents: number;
  readonly respondentShare: number;
  readonly invited: number;
  readonly invitedShare: number;
  /** Respondent share minus invited share, in percentage points (for display; the skew rule compares counts). */
  readonly gapPp: number;
}

export interface AttributeSkew {
  readonly attribute: string;
  readonly values: SkewValue[];
  readonly chiSquare: number | null;
  readonly df: number | null;
  readonly pValue: number | null;
  readonly skewed: boolean;
  /** The value respondents over-represent most, when skewed. */
  readonly toward: string | null;
  /** e.g. "skewed toward >$1B (revenue): 68% of respondents, 52% of members". */
  readonly summary: string | null;
}

/**
 * Compares one attribute's distribution among respondents with that among invited members. The
 * chi-square test is goodness of fit of the respondents' counts to the members' shares, over the
 * values some member has (df = those values − 1); it is left out (null) without respondents or with
 * fewer than two such values.
 */
export function attributeSkew(respondents: PackedAttribute, invited: PackedAttribute): AttributeSkew {
  const observed = countByValue(respondents);
  const population = countByValue(invited);
  const m = respondents.codes.length;
  const total = invited.codes.length;
  const values: SkewValue[] = respondents.values.map((value, k) => {
    const respondentShare = m > 0 ? observed[k] / m : 0;
    const invitedShare = total > 0 ? population[k] / total : 0;
    return {
      value,
      respondents: observed[k],
      respondentShare,
      invited: population[k],
      invitedShare,
      gapPp: (respondentShare - invitedShare) * 100,
    };
  });
  // Largest member groups first, then by name, so the table reads the same whatever the data order.
  values.sort((x, y) => y.invited - x.invited || y.respondents - x.respondents || (x.value < y.value ? -1 : 1));
  const cells = values.filter((v) => v.invited > 0);
  let chiSquare: number | null = null;
  let df: number | null = null;
  let pValue: number | null = null;
  if (m > 0 && cells.length >= 2) {
    chiSquare = chiSquareStatistic(
      cells.map((v) => v.respondents),
      cells.map((v) => v.invitedShare * m),
    );
    df = cells.length - 1;
    pValue = chiSquareUpperTail(chiSquare, df);
  }
  const gapSkew = m > 0 && total > 0 && values.some((v) => gapReaches(v.respondents, m, v.invited, total));
  const skewed = gapSkew || (pValue !== null && pValue < SKEW_P_VALUE);
  const most = values.reduce<SkewValue | null>((best, v) => (best === null || v.gapPp > best.gapPp ? v : best), null);
  const toward = skewed && most && most.gapPp > 0 ? most.value : null;
  const summary =
    toward && most
      ? `skewed toward ${toward} (${respondents.name}): ${percent(most.respondentShare)} of respondents, ` +
        `${percent(most.invitedShare)} of members`
      : null;
  return { attribute: respondents.name, values, chiSquare, df, pValue, skewed, toward, summary };
}

/**
 * Whether |o/m − p/t| ≥ SKEW_GAP_PP / 100, decided on the counts: 100·|o·t − p·m| ≥ SKEW_GAP_PP·m·t.
 * Shares subtracted in floating point miss the boundary (6/10 against 10/20 gives a gap of
 * 9.999999999999998 points), so a gap of exactly 10 points would go unflagged; integers compare
 * exactly (BigInt, so no council size can round the products).
 */
function gapReaches(observed: number, m: number, population: number, total: number): boolean {
  const diff = BigInt(observed) * BigInt(total) - BigInt(population) * BigInt(m);
  const magnitude = diff < 0n ? -diff : diff;
  return 100n * magnitude >= BigInt(SKEW_GAP_PP) * BigInt(m) * BigInt(total);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
