/**
 * @roundtable/distribution: sending a survey to its audience (one invitation per member, links,
 * batched email through the pooled transport), reminders, resend, close/extend, live figures
 * (sharded counters, reconciled by the worker) and the console's progress page and CSV export.
 */
export { DistributionModule } from './distribution.module';
export { DistributionService } from './distribution.service';
export { SurveyBookkeeping, RECONCILE_JOB, CLOSE_DUE_JOB } from './progress/reconcile.service';
export { Reminders, REMINDER_ROUND_JOB, REMINDER_SCHEDULE_JOB } from './sending/reminders.service';
export { Distributor, DISTRIBUTE_JOB, distributeJobId } from './sending/distribute.service';
export { SEND_BATCH_JOB, BATCH_SIZE } from './sending/batch';
export { counterGroup } from './sending/batch-sender.service';
export { surveyFigures, type SurveyFigures } from './progress/figures';
export { SkewRoundRepository, SKEW_ROUNDS_VERSION, type SkewRoundRecord } from './targeting/skew-round.repository';
export { SKEW_ROUND_JOB } from './sending/reminders.service';
export { SkewRoundsDataModule } from './targeting/skew-rounds-data.module';
