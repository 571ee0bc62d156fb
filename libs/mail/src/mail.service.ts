import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobQueue, JobRunner, PermanentJobError, type JobType, type MailPayload } from '@roundtable/jobs';
import { MailTransport } from './sending/mail-transport.service';
import { SuppressionRepository } from './suppression/suppression.repository';

/** One email as features describe it (the job catalogue's mail payload). */
export type OutgoingMail = MailPayload;

export const MAIL_JOB = 'mail.send' satisfies JobType;

/**
 * Email leaves through the job queue: `queue()` writes one outbox job and returns at once, and a
 * worker sends it through the pooled transport, retrying with backoff. A request never waits on
 * SMTP, and mail survives an SMTP outage. A permanent refusal (5xx) records the address as bounced.
 */
@Injectable()
export class MailService implements OnModuleInit {
  constructor(
    private readonly jobQueue: JobQueue,
    private readonly runner: JobRunner,
    private readonly transport: MailTransport,
    private readonly suppressions: SuppressionRepository,
  ) {}

  onModuleInit(): void {
    // A body may carry a sign-in link and code or an unsubscribe link: once the mail is sent (or has
    // failed), the job history keeps only to whom and what it was, so no such secret outlives the send.
    this.runner.register(MAIL_JOB, (mail) => this.send(mail), { history: ({ to, subject }) => ({ to, subject }) });
  }

  /** Queues an email; returns the job id. */
  queue(mail: OutgoingMail, options: { runAt?: Date } = {}): Promise<string> {
    return this.jobQueue.enqueue(MAIL_JOB, { ...mail }, { ...options, maxAttempts: 6 });
  }

  /** Sends now. Used by the job handler; features call `queue()`. */
  async send(mail: OutgoingMail): Promise<void> {
    const { category, ...message } = mail;
    if (category === 'bulk' && (await this.suppressions.findOne(message.to))) {
      return;
    }
    const outcome = await this.transport.send(message);
    if (outcome.status === 'bounced') {
      await this.suppressions.suppress(message.to, 'bounced', outcome.reason);
      // A 5xx reply (unknown mailbox, rejected address) will not change on a retry.
      throw new PermanentJobError(`SMTP refused the message (${outcome.code})`);
    }
  }
}
