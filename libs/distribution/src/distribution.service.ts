import { Injectable } from '@nestjs/common';
import { ConflictError, FormOutcome, NotFoundError } from '@roundtable/core';
import { JobQueue } from '@roundtable/jobs';
import {
  type InvitationRecord,
  InvitationRepository,
  problemsBeforeSending,
  SurveyClosedHook,
  SurveyRecord,
  SurveyRepository,
} from '@roundtable/surveys';
import { randomBytes } from 'node:crypto';
import { recipientOf, SEND_BATCH_JOB } from './sending/batch';
import { DISTRIBUTE_JOB, distributeJobId } from './sending/distribute.service';
import { Reminders } from './sending/reminders.service';
import { SurveyBookkeeping } from './progress/reconcile.service';
import type { ExtendSurveyDto, ResendLinkDto } from './distribution.dto';

/** What staff read on the progress page after each action (shown once, as the flash). */
const DONE = {
  sending: 'Distribution started: the worker is writing the invitations and sending them.',
  reminding: 'A reminder round is queued for those who have not completed.',
  resent: 'A new link is on its way; the member’s earlier links no longer work.',
  closed: 'The survey is closed: links now show that it has closed.',
  extended: 'The survey is open until its new close date.',
} as const;

/**
 * Staff's actions on a survey's distribution: send (locks the survey and queues the one distribution
 * job), remind now, resend one member's link, close early, extend. Each is a few writes; the work is
 * done by the worker. Each answers a `FormOutcome`: back to the progress page with a flash, or the
 * progress page again (422) with what was refused beside its field, nothing changed.
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

  async send(surveyId: string): Promise<FormOutcome> {
    const survey = await this.surveyOrFail(surveyId);
    if (!survey.sentAt) {
      const problems = problemsBeforeSending(survey);
      if (problems.length > 0) {
        return FormOutcome.invalid({}, { send: `This survey cannot be sent yet: ${problems.join(' ')}` });
      }
      await this.surveys.markSent(surveyId);
    }
    // The job's id names the survey: a second click, or two staff at once, queue one distribution.
    await this.queue.enqueueOnce(distributeJobId(surveyId), DISTRIBUTE_JOB, { surveyId }, { maxAttempts: 10 });
    await this.reminders.schedule(surveyId);
    return this.done(surveyId, DONE.sending);
  }

  async remindNow(surveyId: string): Promise<FormOutcome> {
    const survey = await this.surveyOrFail(surveyId);
    if (survey.status !== 'open' || !survey.sentAt) {
      return FormOutcome.invalid({}, { remind: 'Reminders go only to an open survey that was sent.' });
    }
    await this.reminders.startRound(surveyId, Date.now());
    return this.done(surveyId, DONE.reminding);
  }

  /** Staff's "send a new link" on the progress page: a refusal is shown beside the address. */
  async resend(surveyId: string, { email }: ResendLinkDto): Promise<FormOutcome> {
    const target = await this.resendTarget(surveyId, email);
    if (typeof target === 'string') {
      return FormOutcome.invalid({ email }, { email: target });
    }
    await this.queueLink(surveyId, target, 'resend');
    return this.done(surveyId, DONE.resent);
  }

  /**
   * A dead link's "send me a new link" (through surveys' SurveyLinkResendHook): a refusal is thrown,
   * so the request is recorded for staff instead. Anyone can ask for any address, so the new link goes
   * alongside the member's others (`asked:`): asking disables no link that works. Every link of an
   * invitation answers its one response, so a second link adds no second response.
   */
  async resendLink(surveyId: string, email: string): Promise<void> {
    const target = await this.resendTarget(surveyId, email);
    if (typeof target === 'string') {
      throw new ConflictError(target);
    }
    await this.queueLink(surveyId, target, 'asked');
  }

  async close(surveyId: string): Promise<FormOutcome> {
    await this.surveyOrFail(surveyId);
    const at = new Date();
    await this.surveys.close(surveyId, at);
    await this.bookkeeping.reconcile(surveyId);
    // Reporting computes the final ranking now (it had booked it for the planned close date).
    await this.closed.emit(surveyId, at);
    return this.done(surveyId, DONE.closed);
  }

  async extend(surveyId: string, form: ExtendSurveyDto): Promise<FormOutcome> {
    const survey = await this.surveyOrFail(surveyId);
    const closesAt = new Date(form.closesAt);
    const refused = !survey.sentAt
      ? 'Only a sent survey is extended; change the close date of a draft on its page.'
      : closesAt.getTime() <= Date.now()
        ? 'The new close date must be in the future.'
        : null;
    if (refused) {
      return FormOutcome.invalid({ closesAt: form.closesAt }, { closesAt: refused });
    }
    await this.surveys.extend(surveyId, closesAt);
    return this.done(surveyId, DONE.extended);
  }

  private async surveyOrFail(surveyId: string): Promise<SurveyRecord> {
    const survey = await this.surveys.findById(surveyId);
    if (!survey) {
      throw new NotFoundError('There is no such survey.');
    }
    return survey;
  }

  /** The invitation a new link goes to, or why none can go (a sentence for the person). */
  private async resendTarget(surveyId: string, email: string): Promise<InvitationRecord | string> {
    const survey = await this.surveyOrFail(surveyId);
    if (survey.status !== 'open') {
      return survey.sentAt
        ? 'The survey is closed: extend it first to send a new link.'
        : 'The survey has not been sent yet: send it first.';
    }
    const invitation = (await this.invitations.findByEmail(email)).find((found) => found.surveyId === surveyId);
    return invitation ?? `Nobody with the address ${email.trim().toLowerCase()} was invited to this survey.`;
  }

  /**
   * Queues the new link's email: the batch sender writes the link, and for staff's `resend` revokes
   * the old ones (staff replace a link that leaked); an `asked` link is added beside them.
   */
  private async queueLink(surveyId: string, invitation: InvitationRecord, kind: 'resend' | 'asked'): Promise<void> {
    const batchKind = `${kind}:${Date.now()}${randomBytes(2).toString('hex')}`;
    await this.queue.enqueue(
      SEND_BATCH_JOB,
      {
        surveyId,
        kind: batchKind,
        recipients: [recipientOf(invitation)],
      },
      { maxAttempts: 8 },
    );
  }

  private done(surveyId: string, flash: string): FormOutcome {
    return FormOutcome.ok(`/admin/surveys/${surveyId}/progress`, flash);
  }
}
