/**
 * @roundtable/reporting: a survey's results. The worker computes them (libs/rankings) into versioned
 * snapshots; staff read them in the reporting console, export responses in the exchange format and
 * publish a members' report; members see their answers against their peers'.
 */
export { ReportingModule } from './reporting.module';
export { ReportingDataModule } from './reporting-data.module';
export { ReportingWorkerModule } from './reporting-worker.module';
export { RankingComputer, type ComputeOutcome } from './compute/ranking-computer.service';
export { RankingRequests, RANKING_JOB } from './compute/ranking-requests.service';
export { RankingJob } from './compute/ranking-job.service';
export { SurveyExchangeReader, RANKING_OPTIONS } from './compute/survey-exchange.service';
export { SurveyExchangeBuilder, TIER_ATTRIBUTE, type SurveyExchange } from './compute/survey-exchange';
export { SnapshotRepository, type SnapshotRecord } from './snapshots/snapshot.repository';
export { ExchangeTransfer } from './exchange/exchange-transfer.service';
export { demoCouncil, DEMO_SEED, DEMO_COUNCIL_SIZE, DEMO_RESPONDENTS } from './demo/demo-council';
export { seedDemoResearch, seedDemoSecondWave, DEMO_SURVEY_TITLE, DEMO_WAVE_TITLE } from './demo/seed-demo-research';
export { publishedSummary } from './snapshots/published-summary';
export { ReportPages } from './console/report-pages.service';
