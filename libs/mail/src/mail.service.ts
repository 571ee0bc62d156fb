import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobQueue, JobRunner, PermanentJobError } from '@roundtable/jobs';
import { MailTransport } from './sending/mail-transport.service';
import { SuppressionRepository } from './suppression/suppression.repository';

/** One email as features describe it; `from` is the council's address. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  /** Extra headers such as `List-Unsubscribe`. */
  headers?: Record<string, string>;
  /**
   * `bulk` mail (invitations, reminders, newsletters) is not sent to a suppressed address (bounced
   * or opted out); other mail (sign-in links, receipts) is, since the person asked for it.
   */
  category?: 'bulk' | 'transactional';
}

export const MAIL_JOB = 'mail.send';

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
    this.runner.register(MAIL_JOB, (payload) => this.send(payload as unknown as OutgoingMail));
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
