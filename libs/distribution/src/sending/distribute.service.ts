import { Injectable, OnModuleInit } from '@nestjs/common';
import { ShardedCounters } from '@roundtable/counters';
import { JobContext, JobQueue, JobRunner, PermanentJobError, type JobType } from '@roundtable/jobs';
import { MemberRecord, MemberRepository } from '@roundtable/members';
import {
  AUDIENCE_MEMBERSHIP_STATES,
  InvitationRepository,
  invitationId,
  matchesAudience,
  SurveyRecord,
  SurveyRepository,
} from '@roundtable/surveys';
import { segmentDeltas } from '../progress/segments';
import { BATCH_SIZE, BatchRecipient, batchJobId, recipientOf, SEND_BATCH_JOB } from './batch';
import { BatchQueue } from './batch-queue';
import { counterGroup } from './batch-sender.service';
import { waitForRoom } from './queue-room';

export const DISTRIBUTE_JOB = 'survey.distribute' satisfies JobType;

/** The one distribution job of a survey (its id makes "send" clicked twice queue one). */
export function distributeJobId(surveyId: string): string {
  return `distribute:${surveyId}`;
}

/** A page's part of its send batch's id: pages are numbered from 1. */
function pageKey(page: number): string {
  return `page-${page}`;
}

/**
 * Where a distribution has got to: how many pages it has started, and the members of the last page
 * started, saved before any of that page is written. A run an older release started saved `state` and
 * `after`, the place of its ordered read, instead.
 */
interface Cursor {
  page: number;
  members: string[] | null;
  after?: string | null;
}

/**
 * The distribution job: streams the audience through one cursor over its membership states, cut into
 * pages (never the whole membership in memory), writes a page's invitations in one unordered insert
 * (`_id` `<surveyId>:<memberId>`, unique: exactly once however often a page is read), queues one send
 * batch per page (its id names the page, so a page is queued once) and saves its cursor.
 *
 * The audience is read in no order: FerretDB v1 sorts in memory, so an ordered cursor's first member
 * arrives only after FerretDB has read and held every member (minutes at 100,000 members, with no
 * email leaving meanwhile). So a page's members are saved in the cursor before any of it is written, and a run taking over after
 * a crash writes that page again from the saved ids (same batch id; the batch checks its deliveries),
 * then reads the audience again skipping every member the survey has already invited: nobody twice,
 * nobody missed. The job runner keeps the lease while the job waits on a long read (`LeaseKeeper`).
 */
@Injectable()
export class Distributor implements OnModuleInit {
  /** Members read per page, and so recipients per send batch (tests make it small to get many). */
  batchSize = BATCH_SIZE;
  /**
   * Send batches kept queued ahead of the workers (see `waitForRoom`): enough for two workers' two
   * lanes with one more each in hand, a few seconds of sending at the relay's rate.
   */
  batchesAhead = 8;
  /** How long to wait for a batch to finish before queueing more anyway (nobody else is sending). */
  aheadPatienceMs = 15_000;

  constructor(
    private readonly runner: JobRunner,
    private readonly queue: JobQueue,
    private readonly batches: BatchQueue,
    private readonly members: MemberRepository,
    private readonly surveys: SurveyRepository,
    private readonly invitations: InvitationRepository,
    private readonly counters: ShardedCounters,
  ) {}

  onModuleInit(): void {
    this.runner.register(DISTRIBUTE_JOB, ({ surveyId }, context) => this.distribute(surveyId, context), {
      long: true,
    });
  }

  async distribute(
    surveyId: string,
    context: Pick<JobContext, 'progress' | 'checkpoint' | 'extendLease'>,
  ): Promise<void> {
    const survey = await this.surveys.findById(surveyId);
    if (!survey) {
      throw new PermanentJobError(`Survey ${surveyId} no longer exists`);
    }
    const saved = context.progress as Partial<Cursor> | null;
    let cursor: Cursor = { page: saved?.page ?? 0, members: null };
    let invited: Set<string> | null = null;
    // An older release's run could have written a page it had not saved: every batch checks its deliveries.
    const recheck = saved !== null && 'after' in saved;
    if (saved !== null && !recheck) {
      if (saved.members) {
        await this.invitePage(survey, await this.members.findByIds(saved.members), pageKey(cursor.page), true);
      }
      invited = await this.invitations.memberIdsOf(surveyId);
    }
    const writePage = async (page: MemberRecord[]): Promise<boolean> => {
      cursor = { page: cursor.page + 1, members: page.map((member) => String(member._id)) };
      if (!(await context.checkpoint({ ...cursor }))) {
        return false; // taken over by another worker after our lease ran out: it goes on from the cursor
      }
      await this.invitePage(survey, page, pageKey(cursor.page), recheck);
      return true;
    };
    let page: MemberRecord[] = [];
    for await (const member of this.members.streamInStates(AUDIENCE_MEMBERSHIP_STATES)) {
      if (invited?.has(String(member._id))) {
        continue;
      }
      page.push(member);
      if (page.length === this.batchSize) {
        if (!(await writePage(page)) || !(await this.roomAhead(surveyId, context))) {
          return;
        }
        page = [];
      }
    }
    if (page.length > 0) {
      await writePage(page);
    }
  }

  /** Waits while `batchesAhead` of this survey's batches are queued; false if the job was taken over. */
  private roomAhead(surveyId: string, context: Pick<JobContext, 'extendLease'>): Promise<boolean> {
    return waitForRoom({
      waiting: () => this.queue.countQueued(SEND_BATCH_JOB, { surveyId }),
      keepLease: () => context.extendLease(),
      max: this.batchesAhead,
      patienceMs: this.aheadPatienceMs,
      pollMs: 250,
      leaseEveryMs: 10_000,
    });
  }

  /** Writes a page's invitations in one insert and queues its send batch (both once, however often run). */
  private async invitePage(
    survey: SurveyRecord,
    page: MemberRecord[],
    pageKey: string,
    recheck: boolean,
  ): Promise<void> {
    const surveyId = String(survey._id);
    const audience = page.filter((member) => matchesAudience(survey.audience, member));
    const rows = audience.map((member) => ({
      surveyId,
      memberId: String(member._id),
      email: member.email,
      name: member.name,
      profile: { ...(member.profile ?? {}) },
      tier: member.membership?.tier ?? null,
    }));
    const created = await this.invitations.insertManyOnce(rows);
    const recipients: BatchRecipient[] = rows.map((row) =>
      recipientOf({ ...row, _id: invitationId(surveyId, row.memberId) }),
    );
    // The segment figures go with `invited` in one add, for the invitations this run created only.
    const deltas: Record<string, number> = { invited: created.size };
    for (const row of rows) {
      if (created.has(invitationId(surveyId, row.memberId))) {
        for (const [figure, count] of Object.entries(segmentDeltas({ _id: '', ...row }, 'invited'))) {
          deltas[figure] = (deltas[figure] ?? 0) + count;
        }
      }
    }
    await this.counters.add(counterGroup(surveyId), deltas);
    if (recipients.length > 0) {
      await this.batches.queueOnce(
        batchJobId(surveyId, 'invite', pageKey),
        { surveyId, kind: 'invite', recheck },
        recipients,
      );
    }
  }
}
