/**
 * @roundtable/rankings: the ranking statistics of docs/research.md ("How a survey's ranking is computed") as pure
 * functions over compact typed arrays (no framework, no database), and the exchange format that
 * `npm run rank`, exports and imports share. computeRanking is the one entry point the worker and
 * the command use; the parts are exported for tests, benchmarks and the console.
 */
export { computeRanking, type ResponseCounts } from './compute';
export {
  parseExchange,
  parseExchangeText,
  resolveOptions,
  ExchangeFormatError,
  DEFAULT_OPTIONS,
  type ExchangeDocument,
  type ExchangeResponse,
  type ExchangeOptions,
} from './exchange';
export * from './result';
export {
  packHeld,
  packAttribute,
  selectRespondents,
  countByValue,
  NOT_GIVEN,
  type PackedResponses,
  type PackedAttribute,
} from './packed';
export {
  pointVectors,
  itemTotals,
  standings,
  rankOrder,
  unheldPoints,
  type PointVectors,
  type ItemStanding,
} from './borda';
export { bootstrapRanks, type BootstrapResult } from './bootstrap';
export { kendallW } from './kendall';
export { responseRate, type ResponseRate } from './response-rate';
export { attributeSkew, SKEW_GAP_PP, SKEW_P_VALUE, type AttributeSkew } from './skew';
export { chiSquareUpperTail, chiSquareStatistic, logGamma } from './chi-square';
export { rakeWeights, type Weights } from './weights';
export { SeededRandom } from './prng';
export { nonFiniteFields } from './finite';
export {
  compareWaves,
  movementOf,
  ownPoints,
  type WaveInput,
  type WaveComparison,
  type WaveComparisonOptions,
  type ItemChange,
  type WaveMovement,
} from './waves';
