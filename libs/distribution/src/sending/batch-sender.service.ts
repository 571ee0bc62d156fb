import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ShardedCounters } from '@roundtable/counters';
import { appConfig, GroupCommit, newToken } from '@roundtable/core';
import { JobContext, JobRunner, PermanentJobError } from '@roundtable/jobs';
import {
  MailTransport,
  SuppressionRepository,
  TransientMailError,
  TransportMessage,
  UnsubscribeService,
} from '@roundtable/mail';
import {
  InvitationRepository,
  LinkRepository,
  ResponseRepository,
  SurveyRecord,
  SurveyRepository,
} from '@roundtable/surveys';
import { BatchRecipientsRepository } from '../delivery/batch-recipients.repository';
import { DeliveryOutcome, DeliveryRepository } from '../delivery/delivery.repository';
import { FAILURE_PREFIX } from '../progress/figures';
import {
  BatchPayload,
  BatchRecipient,
  IN_FLIGHT_PER_CONNECTION,
  inPool,
  recipientsInWords,
  SEND_BATCH_JOB,
} from './batch';
import { invitationMailer } from './invitation-mail';

export function counterGroup(surveyId: string): string {
  return `survey:${surveyId}`;
}

/** An email the relay answered, waiting for its delivery record. */
interface Answered {
  recipient: BatchRecipient;
  outcome: 'sent' | 'bounced';
  reason?: string;
}

/**
 * Sends one batch of a survey's emails (invitations, a reminder round, a resent link) through the
 * pooled transport, to the recipients in its payload or stored beside it (removed once all are sent). The batch reads suppressions (and, for a reminder, completions) once and writes
 * the batch's survey links and unsubscribe links in one insert each before sending. Each email's
 * delivery record is written right after the relay's answer, and the email waits for it, as a group
 * commit (GroupCommit): records that arrive during a write go in the next one, with one counter
 * update per write, so a batch costs a handful of round trips per write rather than four per email.
 *
 * The delivery record is the truth of "sent": an invitation's status stays `queued` when its email
 * leaves, and is written only when it does not (bounced, opted out, failed) or when a resent link
 * reaches someone after such a failure. A status write per sent invitation cost FerretDB an UPDATE
 * per document (about a second per batch at 20,000 invitations, growing with the collection).
 *
 * When the relay is away the batch stops and is retried with backoff; a retry (or a worker taking
 * over after a crash) skips the emails already recorded. On its last attempt, what could not be sent
 * is recorded as failed.
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
    private readonly recipientLists: BatchRecipientsRepository,
    private readonly counters: ShardedCounters,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  onModuleInit(): void {
    this.runner.register(SEND_BATCH_JOB, (batch, context) => this.send(batch, context), { long: true });
  }

  async send(batch: BatchPayload, context: Pick<JobContext, 'attempt' | 'lastAttempt'>): Promise<void> {
    const listed =
      batch.recipientsId === undefined ? (batch.recipients ?? []) : await this.recipientLists.find(batch.recipientsId);
    if (listed === null) {
      // Stored recipients are removed only after their batch's last email: a run after that (its job's
      // end was not recorded) has nothing left to do.
      return;
    }
    await this.sendTo(batch, recipientsInWords(listed), context);
    if (batch.recipientsId !== undefined) {
      await this.recipientLists.remove(batch.recipientsId);
    }
  }

  private async sendTo(
    batch: BatchPayload,
    recipients: BatchRecipient[],
    context: Pick<JobContext, 'attempt' | 'lastAttempt'>,
  ): Promise<void> {
    const survey = await this.surveys.findById(batch.surveyId);
    if (!survey) {
      throw new PermanentJobError(`Survey ${batch.surveyId} no longer exists`);
    }
    const group = counterGroup(batch.surveyId);
    const deliveryId = (recipient: BatchRecipient) => `${recipient.invitationId}:${batch.kind}`;
    const reminder = batch.kind.startsWith('reminder:');
    let todo = recipients;
    if (context.attempt > 1 || batch.recheck) {
      const recorded = await this.deliveries.findRecorded(todo.map(deliveryId));
      if (!reminder) {
        await this.settleRecorded(batch, todo, recorded, deliveryId);
      }
      todo = todo.filter((recipient) => !recorded.has(deliveryId(recipient)));
    }
    if (survey.status === 'closed') {
      await this.settleUnsent(batch, todo, 'survey closed before sending');
      return;
    }
    if (reminder) {
      const completed = await this.responses.findCompletedAmong(todo.map((recipient) => recipient.invitationId));
      todo = todo.filter((recipient) => !completed.has(recipient.invitationId));
    }
    const suppressed = await this.suppressions.findAmong(todo.map((recipient) => recipient.email));
    const skipped = todo.filter((recipient) => suppressed.has(recipient.email.toLowerCase()));
    const newlySkipped = await this.deliveries.recordMany(
      skipped.map((recipient) => ({ id: deliveryId(recipient), surveyId: batch.surveyId, outcome: 'suppressed' })),
    );
    if (!reminder) {
      const deltas: Record<string, number> = {};
      for (const recipient of skipped.filter((r) => newlySkipped.has(deliveryId(r)))) {
        const reason =
          suppressed.get(recipient.email.toLowerCase())!.reason === 'bounced' ? 'bounced before' : 'opted out';
        deltas.suppressed = (deltas.suppressed ?? 0) + 1;
        deltas[`${FAILURE_PREFIX}${reason}`] = (deltas[`${FAILURE_PREFIX}${reason}`] ?? 0) + 1;
      }
      await this.counters.add(group, deltas);
      await this.invitations.setStatusMany(
        skipped.map((recipient) => recipient.invitationId),
        'opted_out',
      );
    }
    todo = todo.filter((recipient) => !suppressed.has(recipient.email.toLowerCase()));

    const mails = await this.prepare(survey, batch, todo, reminder);
    // Counter writes are not waited for per group (ShardedCounters merges and keeps them in order);
    // the batch waits for the last one at its end.
    let counted: Promise<void> = Promise.resolve();
    const records = new GroupCommit<Answered>(async (answered) => {
      counted = (await this.record(batch, answered, reminder)).counted;
    });
    const sent: string[] = [];
    try {
      await inPool(mails, this.transport.poolSize * IN_FLIGHT_PER_CONNECTION, async ({ recipient, message }) => {
        const outcome = await this.transport.send(message);
        if (outcome.status === 'bounced') {
          await this.suppressions.suppress(recipient.email, 'bounced', outcome.reason);
          await records.add({ recipient, outcome: 'bounced', reason: outcome.reason });
          return;
        }
        sent.push(recipient.invitationId);
        await records.add({ recipient, outcome: 'sent' });
      });
    } catch (error) {
      if (error instanceof TransientMailError && context.lastAttempt) {
        const unsent = todo.filter((recipient) => !sent.includes(recipient.invitationId));
        await this.settleUnsent(batch, unsent, error.message);
      }
      throw error;
    } finally {
      await this.markSent(batch, sent, reminder);
      await counted;
    }
  }

  /**
   * Each recipient's email, with a new survey link and unsubscribe link: both kinds stored in one
   * insert each for the batch (a link whose email is never sent is harmless: nobody has its token).
   */
  private async prepare(
    survey: SurveyRecord,
    batch: BatchPayload,
    recipients: BatchRecipient[],
    reminder: boolean,
  ): Promise<Array<{ recipient: BatchRecipient; message: TransportMessage }>> {
    const tokens = recipients.map(() => newToken());
    // A link someone asked for goes beside the member's others until it is used (see SurveyLink).
    const asked = batch.kind.startsWith('asked:');
    await this.links.insertMany(
      recipients.map((recipient, k) => ({
        hash: tokens[k].hash,
        invitationId: recipient.invitationId,
        surveyId: batch.surveyId,
        retiresOthersOnUse: asked,
        segments: recipient.segments,
      })),
    );
    if (batch.kind.startsWith('resend:')) {
      for (const [k, recipient] of recipients.entries()) {
        await this.links.revokeOthers(recipient.invitationId, tokens[k].hash);
      }
    }
    const unsubscribes = await this.unsubscribes.linksFor(
      recipients.map((recipient) => recipient.email),
      'survey invitations and reminders',
    );
    const mailFor = invitationMailer({ title: survey.title, intro: survey.intro, closesAt: survey.closesAt, reminder });
    return recipients.map((recipient, k) => {
      const mail = mailFor({
        name: recipient.name,
        surveyUrl: `${this.app.baseUrl}/s/${tokens[k].token}`,
        unsubscribeUrl: unsubscribes[k].url,
      });
      return { recipient, message: { to: recipient.email, ...mail, headers: unsubscribes[k].headers } };
    });
  }

  /** One group's delivery records in one insert; what follows a first record (status, counters) once. */
  private async record(
    batch: BatchPayload,
    answered: Answered[],
    reminder: boolean,
  ): Promise<{ counted: Promise<void> }> {
    const recorded = await this.deliveries.recordMany(
      answered.map(({ recipient, outcome }) => ({
        id: `${recipient.invitationId}:${batch.kind}`,
        surveyId: batch.surveyId,
        outcome,
      })),
    );
    const fresh = answered.filter(({ recipient }) => recorded.has(`${recipient.invitationId}:${batch.kind}`));
    const bounced = fresh.filter((entry) => entry.outcome === 'bounced');
    for (const { recipient, reason } of bounced) {
      await this.invitations.setStatus(recipient.invitationId, 'bounced', { lastError: reason ?? null });
    }
    const delivered = fresh.length - bounced.length;
    const figure = reminder ? 'reminded' : batch.kind === 'invite' ? 'sent' : null;
    const counted = this.counters.add(counterGroup(batch.surveyId), {
      bounced: bounced.length,
      ...(figure ? { [figure]: delivered } : {}),
    });
    return { counted };
  }

  /**
   * What follows sending besides the delivery records: a reminder round's dates on the invitations, and
   * a resent link's invitation back from a failure (one or a few, staff's or the member's request). An
   * invitation batch writes nothing here: its delivery records say what was sent.
   */
  private async markSent(batch: BatchPayload, sent: string[], reminder: boolean): Promise<void> {
    if (reminder) {
      await this.invitations.addReminderMany(sent);
    } else if (batch.kind !== 'invite') {
      await this.invitations.setStatusMany(sent, 'sent', { sentAt: new Date(), lastError: null });
    }
  }

  /**
   * Sets the invitations of emails an earlier run recorded to their recorded outcome: a run killed
   * mid-batch recorded each email as it went but may not have reached the status writes that follow
   * (a bounce's, a resend's). One write per outcome; an invitation batch's sent ones need none (the
   * record is the truth); a resend's sentAt is the last recorded delivery's time.
   */
  private async settleRecorded(
    batch: BatchPayload,
    recipients: BatchRecipient[],
    recorded: Map<string, { outcome: DeliveryOutcome; at: Date }>,
    deliveryId: (recipient: BatchRecipient) => string,
  ): Promise<void> {
    const byOutcome = new Map<DeliveryOutcome, string[]>();
    let lastSentAt = new Date(0);
    for (const recipient of recipients) {
      const delivery = recorded.get(deliveryId(recipient));
      if (delivery) {
        byOutcome.set(delivery.outcome, [...(byOutcome.get(delivery.outcome) ?? []), recipient.invitationId]);
        if (delivery.outcome === 'sent' && delivery.at > lastSentAt) {
          lastSentAt = delivery.at;
        }
      }
    }
    if (batch.kind !== 'invite') {
      await this.invitations.setStatusMany(byOutcome.get('sent') ?? [], 'sent', {
        sentAt: lastSentAt,
        lastError: null,
      });
    }
    await this.invitations.setStatusMany(byOutcome.get('bounced') ?? [], 'bounced');
    await this.invitations.setStatusMany(byOutcome.get('suppressed') ?? [], 'opted_out');
    await this.invitations.setStatusMany(byOutcome.get('failed') ?? [], 'failed');
  }

  /** Records emails that will not be sent (the batch's last attempt failed, or the survey closed). */
  private async settleUnsent(batch: BatchPayload, unsent: BatchRecipient[], reason: string): Promise<void> {
    const recorded = await this.deliveries.recordMany(
      unsent.map((recipient) => ({
        id: `${recipient.invitationId}:${batch.kind}`,
        surveyId: batch.surveyId,
        outcome: 'failed',
      })),
    );
    const failed = unsent
      .filter((recipient) => recorded.has(`${recipient.invitationId}:${batch.kind}`))
      .map((r) => r.invitationId);
    if (batch.kind === 'invite') {
      await this.counters.add(counterGroup(batch.surveyId), {
        failed: failed.length,
        [`${FAILURE_PREFIX}${reason}`]: failed.length,
      });
      await this.invitations.setStatusMany(failed, 'failed', { lastError: reason });
    }
  }
}
