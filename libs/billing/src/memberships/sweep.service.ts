import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JobQueue, JobRepository, JobRunner } from '@roundtable/jobs';
import { BillingReporter } from '../report/billing-reporter.service';
import { MembershipRepository } from './membership.repository';
import { MembershipService } from './membership.service';

/** The job type of the sweep; one is always scheduled while a worker runs. */
export const SWEEP_JOB = 'billing.sweep';
export const SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * What time does to memberships, since Stripe sends nothing when our grace period ends: past-due
 * memberships lapse after the grace days, canceling ones end with their paid period. It runs as a
 * job of the shared queue, each run scheduling the next, so whichever worker is alive takes it and
 * a crashed worker's run comes back after its lease. Every change is a guarded single-document
 * update, so two runs at once (two workers starting together) are harmless, and the chain shrinks
 * back to one: a run schedules the next only when none is pending. Each run also refreshes the
 * admin billing report's snapshot.
 */
@Injectable()
export class MembershipSweep implements OnModuleInit {
  private readonly logger = new Logger(MembershipSweep.name);

  constructor(
    private readonly memberships: MembershipRepository,
    private readonly membershipService: MembershipService,
    private readonly runner: JobRunner,
    private readonly queue: JobQueue,
    private readonly jobs: JobRepository,
    private readonly reporter: BillingReporter,
  ) {}

  onModuleInit(): void {
    this.runner.register(SWEEP_JOB, () => this.runScheduled());
  }

  /** Called when a worker starts: makes sure a sweep is scheduled (now, if none is). */
  async start(): Promise<void> {
    await this.scheduleNext(new Date());
  }

  /** Returns how many memberships lapsed and how many ended. */
  async sweep(now: Date): Promise<{ lapsed: number; ended: number }> {
    const graceDays = this.membershipService.graceDays;
    let lapsed = 0;
    let ended = 0;
    for (const membership of await this.memberships.findGraceExpired(now, graceDays)) {
      const result = await this.membershipService.apply(membership.memberId, { type: 'grace_expired', now, graceDays });
      lapsed += result.outcome === 'applied' ? 1 : 0;
    }
    for (const membership of await this.memberships.findPeriodEnded(now)) {
      const result = await this.membershipService.apply(membership.memberId, { type: 'period_ended', now });
      ended += result.outcome === 'applied' ? 1 : 0;
    }
    if (lapsed + ended > 0) {
      this.logger.log(`Membership sweep: ${lapsed} lapsed, ${ended} ended`);
    }
    return { lapsed, ended };
  }

  private async runScheduled(): Promise<void> {
    // The next run is booked first, so a failing sweep (retried by the queue) never ends the chain.
    await this.scheduleNext(new Date(Date.now() + SWEEP_EVERY_MS));
    await this.sweep(new Date());
    // The admin report's numbers, after the sweep so they include what it changed.
    await this.reporter.refresh(new Date());
  }

  private async scheduleNext(runAt: Date): Promise<void> {
    const pending = await this.jobs.findRecent({ type: SWEEP_JOB, status: 'pending' }, 1);
    if (pending.length === 0) {
      await this.queue.enqueue(SWEEP_JOB, {}, { runAt, maxAttempts: 3 });
    }
  }
}
