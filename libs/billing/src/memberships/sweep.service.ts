import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { RecurringJobs, type JobType } from '@roundtable/jobs';
import { BillingReporter } from '../report/billing-reporter.service';
import { MembershipRepository } from './membership.repository';
import { MembershipService } from './membership.service';

/** The job type of the sweep; one is always scheduled while a worker runs. */
export const SWEEP_JOB = 'billing.sweep' satisfies JobType;
export const SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * What time does to memberships, since Stripe sends nothing when our grace period ends: past-due
 * memberships lapse after the grace days, canceling ones end with their paid period. It is a
 * recurring job of the shared queue (one queued run, booked by a unique insert however many workers
 * start), so whichever worker is alive takes it and a crashed worker's run comes back after its
 * lease. Each run also refreshes the admin billing report's snapshot.
 */
@Injectable()
export class MembershipSweep implements OnModuleInit {
  private readonly logger = new Logger(MembershipSweep.name);

  constructor(
    private readonly memberships: MembershipRepository,
    private readonly membershipService: MembershipService,
    private readonly recurring: RecurringJobs,
    private readonly reporter: BillingReporter,
  ) {}

  onModuleInit(): void {
    this.recurring.define(SWEEP_JOB, { everyMs: SWEEP_EVERY_MS }, () => this.runScheduled());
  }

  /** Returns how many memberships lapsed and how many ended. */
  async sweep(now: Date): Promise<{ lapsed: number; ended: number }> {
    const graceDays = this.membershipService.graceDays;
    let lapsed = 0;
    let ended = 0;
    for (const membership of await this.memberships.findGraceExpired(now, graceDays)) {
      const result = await this.membershipService.applyEvent(membership.memberId, {
        type: 'grace_expired',
        now,
        graceDays,
      });
      lapsed += result.outcome === 'applied' ? 1 : 0;
    }
    for (const membership of await this.memberships.findPeriodEnded(now)) {
      const result = await this.membershipService.applyEvent(membership.memberId, { type: 'period_ended', now });
      ended += result.outcome === 'applied' ? 1 : 0;
    }
    if (lapsed + ended > 0) {
      this.logger.log(`Membership sweep: ${lapsed} lapsed, ${ended} ended`);
    }
    return { lapsed, ended };
  }

  private async runScheduled(): Promise<void> {
    await this.sweep(new Date());
    // The admin report's numbers, after the sweep so they include what it changed.
    await this.reporter.refresh(new Date());
  }
}
