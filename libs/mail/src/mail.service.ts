import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import nodemailer, { Transporter } from 'nodemailer';
import { JobQueue, JobRunner, PermanentJobError } from '@roundtable/jobs';
import { mailConfig } from './mail.config';

/** One email as features describe it; `from` is the council's address unless given. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  /** Extra headers such as `List-Unsubscribe`. */
  headers?: Record<string, string>;
}

export const MAIL_JOB = 'mail.send';

/**
 * Email leaves through the job queue: `queue()` writes one outbox job and returns at once, and a
 * worker sends it through a pooled SMTP transport, retrying with backoff. A request never waits on
 * SMTP, and mail survives an SMTP outage.
 */
@Injectable()
export class MailService implements OnModuleInit, OnModuleDestroy {
  private transporter: Transporter | undefined;

  constructor(
    @Inject(mailConfig.KEY) private readonly config: ConfigType<typeof mailConfig>,
    private readonly queueOfJobs: JobQueue,
    private readonly runner: JobRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register(MAIL_JOB, (payload) => this.send(payload as unknown as OutgoingMail));
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }

  /** Queues an email; returns the job id. */
  queue(mail: OutgoingMail, options: { runAt?: Date } = {}): Promise<string> {
    return this.queueOfJobs.enqueue(MAIL_JOB, { ...mail }, { ...options, maxAttempts: 6 });
  }

  /** Sends now. Used by the job handler; features call `queue()`. */
  async send(mail: OutgoingMail): Promise<void> {
    // `?pool=true` in the URL makes nodemailer keep a few connections open instead of one per email.
    const url = new URL(this.config.smtpUrl);
    url.searchParams.set('pool', 'true');
    this.transporter ??= nodemailer.createTransport(url.toString());
    try {
      await this.transporter.sendMail({ from: this.config.from, ...mail });
    } catch (error) {
      // A 5xx reply (unknown mailbox, rejected address) will not change on a retry.
      const code = (error as { responseCode?: number }).responseCode;
      if (typeof code === 'number' && code >= 500) {
        throw new PermanentJobError(`SMTP refused the message (${code})`);
      }
      throw error;
    }
  }
}
