import { Injectable, OnModuleInit } from '@nestjs/common';
import { BillingOverview } from '@roundtable/billing';
import { CommentRepository } from '@roundtable/blog';
import { WaitingWorkRepository } from '@roundtable/counters';
import { JobRunner, RecurringJobs, type JobType } from '@roundtable/jobs';
import { MemberRepository } from '@roundtable/members';
import { membersByState } from './admin-home-figures';
import { AdminHomeRepository } from './admin-home.repository';

export const ADMIN_HOME_JOB = 'admin.home' satisfies JobType;
/** A one-off refresh staff ask for from the home page. */
export const ADMIN_HOME_REFRESH_JOB = 'admin.home.refresh' satisfies JobType;
const EVERY_MS = 5 * 60 * 1000;

/**
 * Computes the admin home's figures in the worker, every five minutes and when staff ask: counts of
 * growing collections (applications, comments, deletion requests) are too slow for a page on
 * FerretDB, so the page reads this one snapshot, which says when it was computed.
 */
@Injectable()
export class AdminHomeSnapshots implements OnModuleInit {
  constructor(
    private readonly home: AdminHomeRepository,
    private readonly members: MemberRepository,
    private readonly comments: CommentRepository,
    private readonly billing: BillingOverview,
    private readonly recurring: RecurringJobs,
    private readonly runner: JobRunner,
    private readonly waiting: WaitingWorkRepository,
  ) {}

  onModuleInit(): void {
    this.recurring.define(ADMIN_HOME_JOB, { everyMs: EVERY_MS }, () => this.refresh(new Date()));
    this.runner.register(ADMIN_HOME_REFRESH_JOB, () => this.refresh(new Date()));
  }

  async refresh(now: Date): Promise<void> {
    // Decisions whose copy on the member an applicant's write put back (MemberRepository.decideApplication).
    await this.members.applyLostDecisions();
    // The live counts the page reads on every view, made equal to the source of truth again.
    await this.waiting.reconcile('application', await this.members.submittedApplicationIds());
    await this.waiting.reconcile('comment', await this.comments.idsByStatus('pending'));
    const billing = await this.billing.current(8);
    await this.home.save({
      computedAt: now,
      applicationsWaiting: await this.members.countSubmittedApplications(),
      commentsWaiting: await this.comments.countByStatus('pending'),
      deletionRequests: await this.members.countDeletionRequests(),
      membersByState: membersByState(billing.report),
      revenue: (billing.report?.revenue ?? []).map(({ currency, mrr, arr }) => ({ currency, mrr, arr })),
      billingComputedAt: billing.computedAt,
      lastEvents: billing.lastEvents.map(({ type, outcome, receivedAt }) => ({ type, outcome, receivedAt })),
    });
  }
}
