import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import nodemailer, { Transporter } from 'nodemailer';
import type { MailPayload } from '@roundtable/jobs';
import { mailConfig } from '../mail.config';
import { classifySmtpFailure } from './smtp-outcome';

/** One message as handed to the relay: a queued email less its category, which was applied before sending. */
export type TransportMessage = Omit<MailPayload, 'category'>;

/** Delivered; refused for good (a bounce: record it); or the relay is away (throw to retry later). */
export type SendOutcome = { status: 'sent' } | { status: 'bounced'; code: number; reason: string };

/** Thrown when a message could not be handed over but may be later: the job retries with backoff. */
export class TransientMailError extends Error {}

/**
 * The pooled SMTP transport of this process: a few connections kept open (MAIL_POOL_SIZE), and at
 * most MAIL_RATE_PER_SECOND messages a second across them (nodemailer's pool shares the limit
 * between connections). Callers may have many sends in flight; the pool queues them.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private transporter: Transporter | undefined;

  constructor(@Inject(mailConfig.KEY) private readonly config: ConfigType<typeof mailConfig>) {}

  get from(): string {
    return this.config.from;
  }

  /** How many sends are worth keeping in flight (one per pooled connection). */
  get poolSize(): number {
    return this.config.poolSize;
  }

  async send(message: TransportMessage): Promise<SendOutcome> {
    try {
      await this.pool().sendMail({ from: this.config.from, ...message });
      return { status: 'sent' };
    } catch (error) {
      const failure = classifySmtpFailure(error);
      if (failure.kind === 'bounced') {
        return { status: 'bounced', code: failure.code, reason: failure.reason };
      }
      throw new TransientMailError(failure.reason);
    }
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }

  private pool(): Transporter {
    if (!this.transporter) {
      const url = new URL(this.config.smtpUrl);
      const secure = url.protocol === 'smtps:';
      this.transporter = nodemailer.createTransport({
        host: url.hostname,
        port: url.port ? Number(url.port) : secure ? 465 : 587,
        secure,
        auth: url.username
          ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
          : undefined,
        pool: true,
        maxConnections: this.config.poolSize,
        rateDelta: 1000,
        rateLimit: this.config.ratePerSecond,
      });
    }
    return this.transporter;
  }
}
