/**
 * The compact form every statistic reads: respondents' held items as one flat typed array (item
 * indexes, highest priority first) with per-respondent offsets, and profile attributes as one code
 * array per attribute. 100,000 responses × 16 items pack into a few megabytes and are read in
 * tight loops without allocating.
 */
export interface PackedResponses {
  /** Number of items (n). */
  readonly itemCount: number;
  /** Number of respondents (m). */
  readonly respondentCount: number;
  /** Respondent i holds heldItems[heldOffsets[i] .. heldOffsets[i + 1]), in priority order. */
  readonly heldOffsets: Uint32Array;
  readonly heldItems: Uint16Array;
}

/** The label used for a respondent or invited member whose profile lacks an attribute. */
export const NOT_GIVEN = '(not given)';

/** One profile attribute, coded: codes[i] indexes values for respondent (or invited member) i. */
export interface PackedAttribute {
  readonly name: string;
  readonly values: readonly string[];
  readonly codes: Uint16Array;
}

/**
 * Packs held lists given as item indexes. The caller (the exchange parser, the worker) has already
 * checked that every index is in range and no item is listed twice.
 */
export function packHeld(itemCount: number, held: readonly (readonly number[])[]): PackedResponses {
  const heldOffsets = new Uint32Array(held.length + 1);
  let total = 0;
  for (let i = 0; i < held.length; i++) {
    total += held[i].length;
    heldOffsets[i + 1] = total;
  }
  const heldItems = new Uint16Array(total);
  for (let i = 0; i < held.length; i++) {
    heldItems.set(held[i], heldOffsets[i]);
  }
  return { itemCount, respondentCount: held.length, heldOffsets, heldItems };
}

/** Keeps the respondents whose index is listed (a segment), in that order. */
export function selectRespondents(packed: PackedResponses, indexes: ArrayLike<number>): PackedResponses {
  const held: number[][] = [];
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k];
    held.push(Array.from(packed.heldItems.subarray(packed.heldOffsets[i], packed.heldOffsets[i + 1])));
  }
  return packHeld(packed.itemCount, held);
}

/**
 * Codes one attribute over several groups of profiles (respondents, invited) with one shared value
 * list, so a code means the same value in both. Values are listed in order of first appearance.
 */
export function packAttribute(
  name: string,
  groups: readonly (readonly (Readonly<Record<string, string>> | undefined)[])[],
): PackedAttribute[] {
  const values: string[] = [];
  const index = new Map<string, number>();
  const packed: PackedAttribute[] = [];
  for (const profiles of groups) {
    const codes = new Uint16Array(profiles.length);
    for (let i = 0; i < profiles.length; i++) {
      const value = profiles[i]?.[name] ?? NOT_GIVEN;
      let code = index.get(value);
      if (code === undefined) {
        code = values.length;
        values.push(value);
        index.set(value, code);
      }
      codes[i] = code;
    }
    packed.push({ name, values, codes });
  }
  return packed;
}

/** Counts how many of the coded entries take each value (optionally weighted). */
export function countByValue(attribute: PackedAttribute, weights?: Float64Array): Float64Array {
  const counts = new Float64Array(attribute.values.length);
  for (let i = 0; i < attribute.codes.length; i++) {
    counts[attribute.codes[i]] += weights ? weights[i] : 1;
  }
  return counts;
}
