/**
 * @roundtable/census: the census of the role (docs/research.md, "The census of the role") as pure
 * functions over packed tenures (no framework, no database), and the census exchange format that
 * `npm run census`, exports and snapshots share. computeCensus is the one entry point the worker and
 * the command use; the parts are exported for tests, benchmarks and pages.
 */
export { computeCensus, computeCensusWithCurve, NOT_GIVEN, type CensusComputation } from './compute';
export {
  parseCensus,
  parseCensusText,
  resolveCensusOptions,
  CensusFormatError,
  DEFAULT_CENSUS_OPTIONS,
  type CensusDocument,
  type CensusTenure,
  type CensusReferenceList,
  type CensusOptions,
} from './exchange';
export * from './result';
export { coverage, type CoverageRow } from './coverage';
export { populationSeries, populationOn, arrivalsAndDepartures, type DatedCount, type YearCount } from './population';
export { packRoster, selectTenures, OPEN, type PackedRoster } from './roster';
export {
  durations,
  kaplanMeier,
  survivalAt,
  medianMonths,
  restrictedMeanMonths,
  meanCompletedMonths,
  type SurvivalCurve,
} from './survival';
export { parseDay, formatDay, yearOf, todayIso, DAYS_PER_MONTH } from './dates';
