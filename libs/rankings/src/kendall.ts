import type { PackedResponses } from './packed';

/**
 * Kendall's coefficient of concordance W over the respondents' full orderings (held items ranked
 * 1..h in their order, the n − h items not held tied at the mean rank (h + 1 + n) / 2), with the
 * correction for ties:
 *
 *   W = 12·S / (m²(n³ − n) − m·Σᵢ Tᵢ),  S = Σⱼ (Rⱼ − m(n + 1)/2)²,  Tᵢ = Σ over i's tie groups (t³ − t).
 *
 * Null when W is undefined: no respondents, fewer than two items, or every respondent ties every item.
 */
export function kendallW(packed: PackedResponses): number | null {
  const { itemCount: n, respondentCount: m, heldOffsets, heldItems } = packed;
  if (m === 0 || n < 2) {
    return null;
  }
  const rankSums = new Float64Array(n);
  let tieTerm = 0;
  let notHeldRankSum = 0;
  for (let i = 0; i < m; i++) {
    const start = heldOffsets[i];
    const h = heldOffsets[i + 1] - start;
    for (let p = 0; p < h; p++) {
      rankSums[heldItems[start + p]] += p + 1;
    }
    const t = n - h;
    const tiedRank = (h + 1 + n) / 2;
    notHeldRankSum += tiedRank;
    // Give every item the tied rank now and take it back from the held ones below.
    for (let p = 0; p < h; p++) {
      rankSums[heldItems[start + p]] -= tiedRank;
    }
    tieTerm += t * t * t - t;
  }
  const mean = (m * (n + 1)) / 2;
  let s = 0;
  for (let f = 0; f < n; f++) {
    const d = rankSums[f] + notHeldRankSum - mean;
    s += d * d;
  }
  const denominator = m * m * (n * n * n - n) - m * tieTerm;
  return denominator > 0 ? (12 * s) / denominator : null;
}
