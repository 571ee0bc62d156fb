import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { MembershipRepository } from './membership.repository';
import { MembershipService } from './membership.service';

const SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * What time does to memberships, since Stripe sends nothing when a grace period ends: past-due
 * memberships lapse after the grace days, canceling ones end with their period. Runs in the worker
 * every ten minutes; every change is a guarded single-document update, so several workers are safe.
 */
@Injectable()
export class MembershipSweep implements OnApplicationShutdown {
  private readonly logger = new Logger(MembershipSweep.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly memberships: MembershipRepository,
    private readonly membershipService: MembershipService,
  ) {}

  start(): void {
    const run = () => {
      this.sweep(new Date()).catch((error: unknown) => this.logger.error(`Membership sweep failed: ${String(error)}`));
    };
    run();
    this.timer = setInterval(run, SWEEP_EVERY_MS);
  }

  onApplicationShutdown(): void {
    if (this.timer) {
      clearInterval(this.timer);
    }
  }

  /** Returns how many memberships lapsed and how many ended. */
  async sweep(now: Date): Promise<{ lapsed: number; ended: number }> {
    let lapsed = 0;
    let ended = 0;
    for (const membership of await this.memberships.findDue(now)) {
      if (membership.state === 'past_due') {
        const result = await this.membershipService.apply(membership, {
          type: 'grace_expired',
          now,
          graceDays: this.membershipService.graceDays,
        });
        lapsed += result.outcome === 'applied' ? 1 : 0;
      } else {
        const result = await this.membershipService.apply(membership, { type: 'period_ended', now });
        ended += result.outcome === 'applied' ? 1 : 0;
      }
    }
    if (lapsed + ended > 0) {
      this.logger.log(`Membership sweep: ${lapsed} lapsed, ${ended} ended`);
    }
    return { lapsed, ended };
  }
}
