import { Injectable } from '@nestjs/common';
import { ShardedCounters } from '@roundtable/counters';
import { FormOutcome, formatDateTime, NotFoundError, type PageRequest } from '@roundtable/core';
import { JobQueue } from '@roundtable/jobs';
import { SurveyRecord, SurveyRepository } from '@roundtable/surveys';
import { percent, points } from '../progress/figures';
import { SEGMENT_DIMENSIONS, segmentsFromCounts } from '../progress/segments';
import { DEFAULT_TARGET_GAP_PP, planTargetedRound, segmentGaps, type TargetPlan } from '../progress/skew-targets';
import { counterGroup } from '../sending/batch-sender.service';
import { SKEW_ROUND_JOB } from '../sending/reminders.service';
import { SkewRoundRepository, skewRoundId } from './skew-round.repository';
import type { SkewReminderDto } from './skew-reminder.dto';

const THRESHOLD = /^(100|[1-9][0-9]?)$/;

/**
 * "Remind the under-represented": a preview (GET, from the live segment counters: which segments
 * trail by the threshold, how many it emails, the projected skew) and its confirm, which inserts the
 * round's record (the unique insert decides that round n runs, once) and queues its job. The job is
 * queued under the round's id again when a confirm finds the round already there, so a process that
 * died between the insert and the queueing leaves no round that never runs.
 */
@Injectable()
export class SkewReminders {
  constructor(
    private readonly surveys: SurveyRepository,
    private readonly counters: ShardedCounters,
    private readonly rounds: SkewRoundRepository,
    private readonly queue: JobQueue,
  ) {}

  /** The preview page: `params.id` the survey, `params.dimension` and `params.threshold` as asked. */
  async page({ params }: PageRequest) {
    const survey = await this.surveyOrFail(params?.id ?? '');
    const surveyId = String(survey._id);
    const dimension = params?.dimension || Object.keys(SEGMENT_DIMENSIONS)[0];
    const threshold = params?.threshold || String(DEFAULT_TARGET_GAP_PP);
    const errors: Record<string, string> = {};
    if (!(dimension in SEGMENT_DIMENSIONS)) {
      errors.dimension = `Please choose an attribute: ${Object.keys(SEGMENT_DIMENSIONS).join(' or ')}.`;
    }
    if (!THRESHOLD.test(threshold)) {
      errors.threshold = 'Please give the threshold as a whole number of points from 1 to 100.';
    }
    const plan = Object.keys(errors).length === 0 ? await this.plan(surveyId, dimension, Number(threshold)) : null;
    const rounds = await this.rounds.listBySurvey(surveyId);
    return {
      title: `Remind the under-represented: ${survey.title}`,
      survey: { id: surveyId, title: survey.title, open: survey.status === 'open' && survey.sentAt !== null },
      dimensions: Object.keys(SEGMENT_DIMENSIONS),
      values: { dimension, threshold },
      errors,
      plan: plan ? planModel(plan) : null,
      round: rounds.reduce((last, round) => Math.max(last, round.round), 0) + 1,
      rounds: rounds.map((round) => ({
        round: round.round,
        at: formatDateTime(round.at),
        segments: `${round.dimension}: ${round.values.join(', ')}`,
        emails: round.emails,
      })),
    };
  }

  async confirm(surveyId: string, form: SkewReminderDto): Promise<FormOutcome> {
    const survey = await this.surveyOrFail(surveyId);
    if (survey.status !== 'open' || !survey.sentAt) {
      return FormOutcome.invalid({ ...form }, { round: 'Reminders go only to an open survey that was sent.' });
    }
    const round = Number(form.round);
    const plan = await this.plan(surveyId, form.dimension, Number(form.threshold));
    const record = { surveyId, round, dimension: form.dimension, values: plan.values, thresholdPp: plan.thresholdPp };
    if (plan.values.length === 0 && !(await this.rounds.findOne(surveyId, round))) {
      return FormOutcome.invalid(
        { ...form },
        {
          threshold: `No ${form.dimension} segment is ${form.threshold} points or more below its share of the invited now: nobody to remind.`,
        },
      );
    }
    if (!(await this.rounds.insertOnce({ ...record, emails: plan.emails }))) {
      const earlier = (await this.rounds.findOne(surveyId, round))!;
      await this.queueRound(earlier);
      return FormOutcome.invalid(
        { ...form },
        { round: `Round ${round} was confirmed already (a round is sent once): preview again for a new round.` },
        409,
      );
    }
    await this.queueRound(record);
    return FormOutcome.ok(
      `/admin/surveys/${surveyId}/progress`,
      `Reminder round ${round} is queued: up to ${plan.emails} members who have not answered (${form.dimension}: ${plan.values.join(', ')}).`,
    );
  }

  private async queueRound(round: { surveyId: string; round: number; dimension: string; values: string[] }) {
    const { surveyId, dimension, values } = round;
    await this.queue.enqueueOnce(
      skewRoundId(surveyId, round.round),
      SKEW_ROUND_JOB,
      { surveyId, round: round.round, dimension, values },
      { maxAttempts: 8 },
    );
  }

  private async plan(surveyId: string, dimension: string, threshold: number): Promise<TargetPlan> {
    const rows = segmentsFromCounts(await this.counters.read(counterGroup(surveyId)));
    const gaps = segmentGaps(rows).find((candidate) => candidate.dimension === dimension);
    return planTargetedRound(gaps ?? { dimension, invited: 0, completed: 0, rows: [] }, threshold);
  }

  private async surveyOrFail(surveyId: string): Promise<SurveyRecord> {
    const survey = await this.surveys.findById(surveyId);
    if (!survey) {
      throw new NotFoundError('There is no such survey.');
    }
    return survey;
  }
}

function planModel(plan: TargetPlan) {
  return {
    values: plan.values,
    emails: plan.emails,
    rate: percent(plan.rate),
    skew: points(plan.skewPp).replace(/^\+/, ''),
    projectedSkew: points(plan.projectedSkewPp).replace(/^\+/, ''),
    rows: plan.projected.map((row) => ({
      value: row.value,
      picked: row.picked,
      gap: points(row.gapPp),
      projectedGap: points(row.projectedGapPp),
    })),
  };
}
