import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JobRunner, PermanentJobError, type JobType } from '@roundtable/jobs';
import { MembershipRepository } from '../memberships/membership.repository';
import { MembershipService } from '../memberships/membership.service';

/** The job type queued when an admin edits a tier; its payload is `{ slug }`. */
export const TIER_CHANGED_JOB = 'billing.tier-changed' satisfies JobType;

/**
 * Members carry their entitlements in their own record (every page and guard reads it there), so an
 * admin's edit of a tier's entitlements reaches its members through this worker job, which rewrites
 * the summary of each membership of the tier. A retried or repeated run rewrites the same values.
 */
@Injectable()
export class TierSummaries implements OnModuleInit {
  private readonly logger = new Logger(TierSummaries.name);

  constructor(
    private readonly memberships: MembershipRepository,
    private readonly membershipService: MembershipService,
    private readonly runner: JobRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register(TIER_CHANGED_JOB, async ({ slug }) => {
      if (typeof slug !== 'string') {
        throw new PermanentJobError('A tier-changed job names no tier');
      }
      await this.refresh(slug);
    });
  }

  /** Returns how many members' summaries were rewritten. */
  async refresh(slug: string): Promise<number> {
    let after: string | null = null;
    let count = 0;
    for (;;) {
      const page = await this.memberships.pageByTier(slug, after);
      for (const membership of page) {
        await this.membershipService.refreshSummary(membership.memberId);
      }
      count += page.length;
      if (page.length === 0) {
        break;
      }
      after = String(page[page.length - 1]._id);
    }
    this.logger.log(`Tier ${slug}: ${count} member summaries rewritten`);
    return count;
  }
}
