import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobContext, JobQueue, JobRunner, PermanentJobError, RecurringJobs, type JobType } from '@roundtable/jobs';
import { type InvitationRecord, InvitationRepository, SurveyRepository } from '@roundtable/surveys';
import { SEGMENT_DIMENSIONS } from '../progress/segments';
import { BATCH_SIZE, batchJobId, recipientOf } from './batch';
import { BatchQueue } from './batch-queue';

export const REMINDER_ROUND_JOB = 'survey.reminder-round' satisfies JobType;
export const REMINDER_SCHEDULE_JOB = 'survey.reminders' satisfies JobType;
export const SKEW_ROUND_JOB = 'survey.skew-round' satisfies JobType;

/** The batch kind of a targeted round: a reminder (the batch drops those who completed). */
export function skewRoundKind(round: number): string {
  return `reminder:skew-${round}`;
}

/**
 * Reminders to those who have not completed. A round (at a date of the survey's reminder schedule,
 * or when staff ask) streams the survey's invitations by `_id` range, skips bounced and opted-out
 * ones, and queues a send batch per page; the batch drops those who completed (one read per batch)
 * and the suppressed addresses. Each survey with reminder dates has one recurring job whose next run
 * is its next reminder date (RecurringJobs with a next-run function); it ends after the last date.
 * A targeted round (staff's "remind the under-represented") is the same round restricted to the
 * invitations of some segments.
 */
@Injectable()
export class Reminders implements OnModuleInit {
  /** Invitations read per page, and so recipients per send batch. */
  batchSize = BATCH_SIZE;

  constructor(
    private readonly runner: JobRunner,
    private readonly recurring: RecurringJobs,
    private readonly queue: JobQueue,
    private readonly batches: BatchQueue,
    private readonly surveys: SurveyRepository,
    private readonly invitations: InvitationRepository,
  ) {}

  onModuleInit(): void {
    this.runner.register(REMINDER_ROUND_JOB, ({ surveyId, round }, context) =>
      this.round(surveyId, `reminder:${round}`, () => true, context),
    );
    this.runner.register(SKEW_ROUND_JOB, ({ surveyId, round, dimension, values }, context) => {
      const valueOf = SEGMENT_DIMENSIONS[dimension];
      if (!valueOf || !Array.isArray(values)) {
        throw new PermanentJobError(`A targeted round names no known segment (${dimension})`);
      }
      const picked = new Set(values);
      // Every batch checks the round's delivery records (`recheck`): the confirm queues the round
      // again when it finds the round's record (a process may have died between the two), and a run
      // after a finished one must send nothing.
      return this.round(surveyId, skewRoundKind(round), (invitation) => picked.has(valueOf(invitation)), context, true);
    });
    this.recurring.define(
      REMINDER_SCHEDULE_JOB,
      { next: (now, { surveyId }) => this.nextReminder(surveyId, now) },
      async ({ surveyId }) => {
        await this.startRound(surveyId, Date.now());
      },
    );
  }

  /** Books the survey's reminder schedule at its first reminder date (when it has any). */
  async schedule(surveyId: string): Promise<void> {
    const first = await this.nextReminder(surveyId, new Date());
    if (first) {
      await this.recurring.ensure(REMINDER_SCHEDULE_JOB, { key: surveyId, payload: { surveyId }, firstRunAt: first });
    }
  }

  /** Queues a reminder round now (staff's button, or a reminder date); one per survey and round. */
  async startRound(surveyId: string, round: number): Promise<boolean> {
    const survey = await this.surveys.findById(surveyId);
    if (survey?.status !== 'open' || !survey.sentAt) {
      return false;
    }
    return this.queue.enqueueOnce(
      `round:${surveyId}:${round}`,
      REMINDER_ROUND_JOB,
      { surveyId, round },
      { maxAttempts: 8 },
    );
  }

  /**
   * Queues a round's send batches, a page of invitations at a time (those `keep` takes, neither
   * bounced nor opted out); a run taken over resumes after its last checkpoint and has its first
   * batch check the delivery records (`recheck`).
   */
  private async round(
    surveyId: string,
    kind: string,
    keep: (invitation: InvitationRecord) => boolean,
    context: Pick<JobContext, 'progress' | 'checkpoint'>,
    alwaysRecheck = false,
  ) {
    let after = (context.progress?.after as string | undefined) ?? undefined;
    let recheck = alwaysRecheck || context.progress !== null;
    for (;;) {
      const page = await this.invitations.pageBySurvey(surveyId, this.batchSize, after);
      const recipients = page
        .filter((invitation) => invitation.status === 'sent' || invitation.status === 'queued')
        .filter(keep)
        .map(recipientOf);
      if (recipients.length > 0) {
        await this.batches.queueOnce(
          batchJobId(surveyId, kind, after ?? 'start'),
          { surveyId, kind, recheck },
          recipients,
        );
      }
      recheck = alwaysRecheck;
      if (page.length < this.batchSize) {
        return;
      }
      after = page[page.length - 1]._id;
      if (!(await context.checkpoint({ after }))) {
        return;
      }
    }
  }

  private async nextReminder(surveyId: string, now: Date): Promise<Date | null> {
    const survey = await this.surveys.findById(surveyId);
    if (!survey || survey.status === 'closed') {
      return null;
    }
    const upcoming = survey.reminders
      .map((date) => new Date(date))
      .filter((date) => date.getTime() > now.getTime())
      .sort((a, b) => a.getTime() - b.getTime());
    return upcoming[0] ?? null;
  }
}
