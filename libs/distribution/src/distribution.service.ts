import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, ValidationError } from '@roundtable/core';
import { JobQueue } from '@roundtable/jobs';
import {
  InvitationRepository,
  problemsBeforeSending,
  SurveyClosedHook,
  SurveyRecord,
  SurveyRepository,
} from '@roundtable/surveys';
import { randomBytes } from 'node:crypto';
import { SEND_BATCH_JOB } from './sending/batch';
import { DISTRIBUTE_JOB, distributeJobId } from './sending/distribute.service';
import { Reminders } from './sending/reminders.service';
import { SurveyBookkeeping } from './progress/reconcile.service';

/** Where a staff action leads: back to the progress page, with a note to show. */
export interface ActionResult {
  url: string;
  statusCode: number;
}

/**
 * Staff's actions on a survey's distribution: send (locks the survey and queues the one distribution
 * job), remind now, resend one member's link, close early, extend. Each is a few writes; the work is
 * done by the worker.
 */
@Injectable()
export class DistributionService {
  constructor(
    private readonly surveys: SurveyRepository,
    private readonly invitations: InvitationRepository,
    private readonly queue: JobQueue,
    private readonly reminders: Reminders,
    private readonly bookkeeping: SurveyBookkeeping,
    private readonly closed: SurveyClosedHook,
  ) {}

  async send(surveyId: string): Promise<ActionResult> {
    const survey = await this.surveyOrFail(surveyId);
    if (!survey.sentAt) {
      const problems = problemsBeforeSending(survey);
      if (problems.length > 0) {
        throw new ValidationError(`This survey cannot be sent yet: ${problems.join(' ')}`);
      }
      await this.surveys.markSent(surveyId);
    }
    // The job's id names the survey: a second click, or two staff at once, queue one distribution.
    await this.queue.enqueueOnce(distributeJobId(surveyId), DISTRIBUTE_JOB, { surveyId }, { maxAttempts: 10 });
    await this.reminders.schedule(surveyId);
    return this.back(surveyId, 'sending');
  }

  async remindNow(surveyId: string): Promise<ActionResult> {
    const survey = await this.surveyOrFail(surveyId);
    if (survey.status !== 'open' || !survey.sentAt) {
      throw new ConflictError('Reminders go only to an open survey that was sent.');
    }
    await this.reminders.startRound(surveyId, Date.now());
    return this.back(surveyId, 'reminding');
  }

  /** A new link for one member (the old ones stop working), sent through the queue. */
  async resend(surveyId: string, email: string): Promise<ActionResult> {
    const survey = await this.surveyOrFail(surveyId);
    if (survey.status !== 'open') {
      throw new ConflictError('The survey is closed: extend it first to send a new link.');
    }
    const invitation = (await this.invitations.findByEmail(email)).find((found) => found.surveyId === surveyId);
    if (!invitation) {
      throw new ValidationError(`Nobody with the address ${email.trim().toLowerCase()} was invited to this survey.`);
    }
    const kind = `resend:${Date.now()}${randomBytes(2).toString('hex')}`;
    await this.queue.enqueue(
      SEND_BATCH_JOB,
      { surveyId, kind, recipients: [{ i: invitation._id, e: invitation.email, n: invitation.name }] },
      { maxAttempts: 8 },
    );
    return this.back(surveyId, 'resent');
  }

  async close(surveyId: string): Promise<ActionResult> {
    await this.surveyOrFail(surveyId);
    const at = new Date();
    await this.surveys.close(surveyId, at);
    await this.bookkeeping.reconcile(surveyId);
    // Reporting computes the final ranking now (it had booked it for the planned close date).
    await this.closed.emit(surveyId, at);
    return this.back(surveyId, 'closed');
  }

  async extend(surveyId: string, closesAt: Date): Promise<ActionResult> {
    const survey = await this.surveyOrFail(surveyId);
    if (!survey.sentAt) {
      throw new ConflictError('Only a sent survey is extended; change the close date of a draft on its page.');
    }
    if (closesAt.getTime() <= Date.now()) {
      throw new ValidationError('The new close date must be in the future.');
    }
    await this.surveys.extend(surveyId, closesAt);
    return this.back(surveyId, 'extended');
  }

  private async surveyOrFail(surveyId: string): Promise<SurveyRecord> {
    const survey = await this.surveys.findById(surveyId);
    if (!survey) {
      throw new NotFoundError('There is no such survey.');
    }
    return survey;
  }

  private back(surveyId: string, done: string): ActionResult {
    return { url: `/admin/surveys/${surveyId}/progress?done=${done}`, statusCode: 303 };
  }
}
