import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ShardedCounters } from '@roundtable/counters';
import { appConfig, newToken } from '@roundtable/core';
import { JobContext, JobRunner, PermanentJobError } from '@roundtable/jobs';
import { MailTransport, SuppressionRepository, TransientMailError, UnsubscribeService } from '@roundtable/mail';
import {
  InvitationRepository,
  LinkRepository,
  ResponseRepository,
  SurveyRecord,
  SurveyRepository,
} from '@roundtable/surveys';
import { DeliveryOutcome, DeliveryRepository } from '../delivery/delivery.repository';
import { FAILURE_PREFIX } from '../progress/figures';
import { BatchPayload, BatchRecipient, inPool, SEND_BATCH_JOB } from './batch';
import { invitationMail } from './invitation-mail';

export function counterGroup(surveyId: string): string {
  return `survey:${surveyId}`;
}

/**
 * Sends one batch of a survey's emails (invitations, a reminder round, a resent link) through the
 * pooled transport, a pool's worth in flight. Per email it only inserts (the link's hash, the
 * unsubscribe link's hash, the delivery record) and adds to this process's counter shards; the
 * batch reads suppressions (and, for a reminder, completions) once, and sets the invitations'
 * status in one write at its end. When the relay is away the batch stops and is retried with
 * backoff; a retry (or a worker taking over after a crash) skips the emails already recorded as
 * delivered. On its last attempt, what could not be sent is recorded as failed with the reason.
 */
@Injectable()
export class BatchSender implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly transport: MailTransport,
    private readonly suppressions: SuppressionRepository,
    private readonly unsubscribes: UnsubscribeService,
    private readonly surveys: SurveyRepository,
    private readonly invitations: InvitationRepository,
    private readonly links: LinkRepository,
    private readonly responses: ResponseRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly counters: ShardedCounters,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  onModuleInit(): void {
    this.runner.register(SEND_BATCH_JOB, (payload, context) => this.send(payload as unknown as BatchPayload, context));
  }

  async send(batch: BatchPayload, context: Pick<JobContext, 'attempt' | 'lastAttempt'>): Promise<void> {
    const survey = await this.surveys.findById(batch.surveyId);
    if (!survey) {
      throw new PermanentJobError(`Survey ${batch.surveyId} no longer exists`);
    }
    const group = counterGroup(batch.surveyId);
    const deliveryId = (recipient: BatchRecipient) => `${recipient.i}:${batch.kind}`;
    const reminder = batch.kind.startsWith('reminder:');
    let todo = batch.recipients;
    if (context.attempt > 1 || batch.recheck) {
      const recorded = await this.deliveries.findRecorded(todo.map(deliveryId));
      if (!reminder) {
        await this.settleRecorded(todo, recorded, deliveryId);
      }
      todo = todo.filter((recipient) => !recorded.has(deliveryId(recipient)));
    }
    if (survey.status === 'closed') {
      await this.settleUnsent(batch, todo, 'survey closed before sending');
      return;
    }
    if (reminder) {
      const completed = await this.responses.findCompletedAmong(todo.map((recipient) => recipient.i));
      todo = todo.filter((recipient) => !completed.has(recipient.i));
    }
    const suppressed = await this.suppressions.findAmong(todo.map((recipient) => recipient.e));
    const skipped = todo.filter((recipient) => suppressed.has(recipient.e.toLowerCase()));
    for (const recipient of skipped) {
      if (await this.deliveries.record(deliveryId(recipient), batch.surveyId, 'suppressed')) {
        const reason = suppressed.get(recipient.e.toLowerCase())!.reason === 'bounced' ? 'bounced before' : 'opted out';
        await this.counters.add(group, reminder ? {} : { suppressed: 1, [`${FAILURE_PREFIX}${reason}`]: 1 });
      }
    }
    if (!reminder) {
      await this.invitations.setStatusMany(
        skipped.map((recipient) => recipient.i),
        'opted_out',
      );
    }
    todo = todo.filter((recipient) => !suppressed.has(recipient.e.toLowerCase()));

    const sent: string[] = [];
    try {
      await inPool(todo, this.transport.poolSize, async (recipient) => {
        if (await this.sendOne(survey, batch, recipient, reminder)) {
          sent.push(recipient.i);
        }
      });
    } catch (error) {
      if (error instanceof TransientMailError && context.lastAttempt) {
        const unsent = todo.filter((recipient) => !sent.includes(recipient.i));
        await this.settleUnsent(batch, unsent, error.message);
      }
      throw error;
    } finally {
      await this.markSent(batch, sent, reminder);
    }
  }

  /** Sends one email; true when the relay took it, false when it refused it for good (a bounce). */
  private async sendOne(
    survey: SurveyRecord,
    batch: BatchPayload,
    recipient: BatchRecipient,
    reminder: boolean,
  ): Promise<boolean> {
    const link = newToken();
    await this.links.insert(link.hash, recipient.i, batch.surveyId);
    if (batch.kind.startsWith('resend:')) {
      await this.links.revokeOthers(recipient.i, link.hash);
    }
    const unsubscribe = await this.unsubscribes.linkFor(recipient.e, 'survey invitations and reminders');
    const mail = invitationMail({
      name: recipient.n,
      title: survey.title,
      intro: survey.intro,
      surveyUrl: `${this.app.baseUrl}/s/${link.token}`,
      unsubscribeUrl: unsubscribe.url,
      closesAt: survey.closesAt,
      reminder,
    });
    const outcome = await this.transport.send({ to: recipient.e, ...mail, headers: unsubscribe.headers });
    const group = counterGroup(batch.surveyId);
    if (outcome.status === 'bounced') {
      await this.suppressions.suppress(recipient.e, 'bounced', outcome.reason);
      if (await this.deliveries.record(`${recipient.i}:${batch.kind}`, batch.surveyId, 'bounced')) {
        await this.invitations.setStatus(recipient.i, 'bounced', { lastError: outcome.reason });
        await this.counters.add(group, { bounced: 1 });
      }
      return false;
    }
    if (await this.deliveries.record(`${recipient.i}:${batch.kind}`, batch.surveyId, 'sent')) {
      await this.counters.add(group, reminder ? { reminded: 1 } : batch.kind === 'invite' ? { sent: 1 } : {});
    }
    return true;
  }

  private async markSent(batch: BatchPayload, sent: string[], reminder: boolean): Promise<void> {
    if (reminder) {
      await this.invitations.addReminderMany(sent);
    } else {
      await this.invitations.setStatusMany(sent, 'sent', { sentAt: new Date(), lastError: null });
    }
  }

  /**
   * Sets the invitations of emails an earlier run recorded to their recorded outcome: a run killed
   * mid-batch recorded each email as it went but never reached its one status write at the end.
   * One write per outcome; a sent one's sentAt is the last recorded delivery's time.
   */
  private async settleRecorded(
    recipients: BatchRecipient[],
    recorded: Map<string, { outcome: DeliveryOutcome; at: Date }>,
    deliveryId: (recipient: BatchRecipient) => string,
  ): Promise<void> {
    const byOutcome = new Map<DeliveryOutcome, string[]>();
    let lastSentAt = new Date(0);
    for (const recipient of recipients) {
      const delivery = recorded.get(deliveryId(recipient));
      if (delivery) {
        byOutcome.set(delivery.outcome, [...(byOutcome.get(delivery.outcome) ?? []), recipient.i]);
        if (delivery.outcome === 'sent' && delivery.at > lastSentAt) {
          lastSentAt = delivery.at;
        }
      }
    }
    await this.invitations.setStatusMany(byOutcome.get('sent') ?? [], 'sent', { sentAt: lastSentAt, lastError: null });
    await this.invitations.setStatusMany(byOutcome.get('bounced') ?? [], 'bounced');
    await this.invitations.setStatusMany(byOutcome.get('suppressed') ?? [], 'opted_out');
    await this.invitations.setStatusMany(byOutcome.get('failed') ?? [], 'failed');
  }

  /** Records emails that will not be sent (the batch's last attempt failed, or the survey closed). */
  private async settleUnsent(batch: BatchPayload, unsent: BatchRecipient[], reason: string): Promise<void> {
    const group = counterGroup(batch.surveyId);
    const failed: string[] = [];
    for (const recipient of unsent) {
      if (await this.deliveries.record(`${recipient.i}:${batch.kind}`, batch.surveyId, 'failed')) {
        failed.push(recipient.i);
        if (batch.kind === 'invite') {
          await this.counters.add(group, { failed: 1, [`${FAILURE_PREFIX}${reason}`]: 1 });
        }
      }
    }
    if (batch.kind === 'invite') {
      await this.invitations.setStatusMany(failed, 'failed', { lastError: reason });
    }
  }
}
