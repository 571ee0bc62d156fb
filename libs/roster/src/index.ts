/**
 * @roundtable/roster: the roster of tenures staff keep (persistence, list, form, CSV import and
 * export, reference lists) and the census computed from it (@roundtable/census) into snapshots that
 * "The role in numbers" and GET /api/census read.
 */
export { RosterModule } from './roster.module';
export { RosterWorkerModule } from './roster-worker.module';
export { RosterDataModule } from './roster-data.module';
export { CensusComputer } from './compute/census-computer.service';
export { CensusRequests, CENSUS_JOB, CENSUS_DEBOUNCE_MS } from './compute/census-requests.service';
export { CENSUS_DAILY_JOB, CensusDaily, nextCensusDay } from './compute/census-daily.service';
export { ImportExpiry, EXPIRE_IMPORTS_JOB, IMPORT_PREVIEW_TTL_MS } from './import/import-expiry.service';
export { rosterDocument, exchangeTenure } from './compute/roster-document';
export { TenureRepository, type TenureRecord, type TenureFields } from './tenures/tenure.repository';
export { ReferenceListRepository } from './reference/reference-list.repository';
export { CensusSnapshotRepository } from './snapshots/census-snapshot.repository';
export { normaliseCompany, normalisePerson } from './names';
export { seedDemoRoster, type DemoRosterDeps } from './demo/seed-demo-roster';
export { demoRoster, DEMO_LIST_NAME } from './demo/demo-roster';
