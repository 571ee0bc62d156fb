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
import { BATCH_SIZE, BatchPayload, BatchRecipient, batchJobId, recipientOf, SEND_BATCH_JOB } from './batch';
import { counterGroup } from './batch-sender.service';
import { waitForRoom } from './queue-room';

export const DISTRIBUTE_JOB = 'survey.distribute' satisfies JobType;

/** The one distribution job of a survey (its id makes "send" clicked twice queue one). */
export function distributeJobId(surveyId: string): string {
  return `distribute:${surveyId}`;
}

/**
 * Where a distribution has got to: which membership state, and the last member id read in it. `early`
 * names the members of the first state whose page went out before the ordered read (see `distribute`),
 * which that read skips; `earlyQueued` says their page was written and queued.
 */
interface Cursor {
  state: number;
  after: string | null;
  early?: string[];
  earlyQueued?: boolean;
}

/**
 * The distribution job: streams the audience by the indexed `{ membership.state, _id }` order, one
 * cursor per state cut into pages (never the whole membership in memory), writes a page's invitations
 * in one unordered insert (`_id` `<surveyId>:<memberId>`, unique: exactly once however often a page
 * is read), queues one send batch per page (its id names the page, so a page is queued once) and saves
 * its cursor, so a worker taking over after a crash resumes at the page it stopped on.
 *
 * The first page is read before that order: FerretDB v1 sorts in memory, so the ordered cursor's first
 * members arrive only after it has read and sorted the whole membership (seconds at 20,000 members,
 * while every worker would wait). So the job first takes one page of the first state as it comes,
 * saves those members' ids in its cursor before writing anything, queues their batch, and the ordered
 * read skips them. A run taking over reads the saved ids again, so it never picks a different first page.
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
    let cursor: Cursor = (context.progress as Cursor | null) ?? { state: 0, after: null };
    // A resumed run may redo the page it stopped on: that page's batch double-checks its deliveries.
    let recheck = context.progress !== null;
    if (context.progress === null) {
      const early = await this.members.firstByState(AUDIENCE_MEMBERSHIP_STATES[0], this.batchSize);
      cursor = { state: 0, after: null, early: early.map((member) => String(member._id)) };
      if (!(await context.checkpoint({ ...cursor }))) {
        return;
      }
      await this.invitePage(survey, early, 'early', false);
      cursor = { ...cursor, earlyQueued: true };
    } else if (cursor.early && !cursor.earlyQueued) {
      await this.invitePage(survey, await this.members.findByIds(cursor.early), 'early', true);
      cursor = { ...cursor, earlyQueued: true };
    }
    while (cursor.state < AUDIENCE_MEMBERSHIP_STATES.length) {
      const state = AUDIENCE_MEMBERSHIP_STATES[cursor.state];
      const skipped = new Set(cursor.state === 0 ? cursor.early : []);
      // One cursor per state, cut into pages here: one scan of the collection rather than one per page
      // (FerretDB v1 answers an `_id` range by scanning), and one page in memory at a time.
      let page: MemberRecord[] = [];
      for await (const member of this.members.streamByState(state, cursor.after ?? undefined)) {
        if (skipped.has(String(member._id))) {
          continue;
        }
        page.push(member);
        if (page.length === this.batchSize) {
          await this.invitePage(survey, page, `${state}:${cursor.after ?? 'start'}`, recheck);
          recheck = false;
          cursor = { ...cursor, after: String(page[page.length - 1]._id) };
          page = [];
          if (!(await context.checkpoint({ ...cursor })) || !(await this.roomAhead(surveyId, context))) {
            return; // taken over by another worker after our lease ran out: it goes on from the cursor
          }
        }
      }
      await this.invitePage(survey, page, `${state}:${cursor.after ?? 'start'}`, recheck);
      recheck = false;
      cursor = { state: cursor.state + 1, after: null };
      if (!(await context.checkpoint({ ...cursor }))) {
        return;
      }
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
      const batch: BatchPayload = { surveyId, kind: 'invite', recipients, recheck };
      await this.queue.enqueueOnce(batchJobId(surveyId, 'invite', pageKey), SEND_BATCH_JOB, batch, { maxAttempts: 8 });
    }
  }
}
