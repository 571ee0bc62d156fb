import { Injectable, OnModuleInit } from '@nestjs/common';
import { ShardedCounters } from '@roundtable/counters';
import { JobContext, JobQueue, JobRunner, PermanentJobError } from '@roundtable/jobs';
import { MemberRepository } from '@roundtable/members';
import {
  AUDIENCE_MEMBERSHIP_STATES,
  InvitationRepository,
  invitationId,
  matchesAudience,
  SurveyRecord,
  SurveyRepository,
} from '@roundtable/surveys';
import { BATCH_SIZE, BatchPayload, BatchRecipient, batchJobId, SEND_BATCH_JOB } from './batch';
import { counterGroup } from './batch-sender.service';

export const DISTRIBUTE_JOB = 'survey.distribute';

/** The one distribution job of a survey (its id makes "send" clicked twice queue one). */
export function distributeJobId(surveyId: string): string {
  return `distribute:${surveyId}`;
}

/** Where a distribution has got to: which membership state, and the last member id read in it. */
interface Cursor {
  state: number;
  after: string | null;
}

/**
 * The distribution job: streams the audience a page at a time by the indexed
 * `{ membership.state, _id }` range (never the whole membership in memory), writes one invitation per
 * member (`_id` `<surveyId>:<memberId>`, a unique insert: exactly once however often a page is
 * read), queues one send batch per page (its id names the page, so a page is queued once) and saves
 * its cursor, so a worker taking over after a crash resumes at the page it stopped on.
 */
@Injectable()
export class Distributor implements OnModuleInit {
  /** Members read per page, and so recipients per send batch (tests make it small to get many). */
  batchSize = BATCH_SIZE;

  constructor(
    private readonly runner: JobRunner,
    private readonly queue: JobQueue,
    private readonly members: MemberRepository,
    private readonly surveys: SurveyRepository,
    private readonly invitations: InvitationRepository,
    private readonly counters: ShardedCounters,
  ) {}

  onModuleInit(): void {
    this.runner.register(DISTRIBUTE_JOB, (payload, context) => this.distribute(String(payload.surveyId), context));
  }

  async distribute(surveyId: string, context: Pick<JobContext, 'progress' | 'checkpoint'>): Promise<void> {
    const survey = await this.surveys.findById(surveyId);
    if (!survey) {
      throw new PermanentJobError(`Survey ${surveyId} no longer exists`);
    }
    let cursor: Cursor = (context.progress as Cursor | null) ?? { state: 0, after: null };
    // A resumed run may redo the page it stopped on: that page's batch double-checks its deliveries.
    let recheck = context.progress !== null;
    while (cursor.state < AUDIENCE_MEMBERSHIP_STATES.length) {
      const state = AUDIENCE_MEMBERSHIP_STATES[cursor.state];
      const page = await this.members.list({ state, after: cursor.after ?? undefined }, this.batchSize);
      await this.invitePage(survey, page, `${state}:${cursor.after ?? 'start'}`, recheck);
      recheck = false;
      cursor =
        page.length < this.batchSize
          ? { state: cursor.state + 1, after: null }
          : { state: cursor.state, after: String(page[page.length - 1]._id) };
      if (!(await context.checkpoint({ ...cursor }))) {
        return; // taken over by another worker after our lease ran out: it goes on from the cursor
      }
    }
  }

  private async invitePage(
    survey: SurveyRecord,
    page: Awaited<ReturnType<MemberRepository['list']>>,
    pageKey: string,
    recheck: boolean,
  ): Promise<void> {
    const surveyId = String(survey._id);
    const recipients: BatchRecipient[] = [];
    let invited = 0;
    for (const member of page) {
      if (!matchesAudience(survey.audience, member)) {
        continue;
      }
      const memberId = String(member._id);
      const created = await this.invitations.insertOnce({
        surveyId,
        memberId,
        email: member.email,
        name: member.name,
        profile: { ...(member.profile ?? {}) },
        tier: member.membership?.tier ?? null,
      });
      invited += created ? 1 : 0;
      recipients.push({ i: invitationId(surveyId, memberId), e: member.email, n: member.name });
    }
    await this.counters.add(counterGroup(surveyId), { invited });
    if (recipients.length > 0) {
      const batch: BatchPayload = { surveyId, kind: 'invite', recipients, recheck };
      await this.queue.enqueueOnce(
        batchJobId(surveyId, 'invite', pageKey),
        SEND_BATCH_JOB,
        { ...batch },
        { maxAttempts: 8 },
      );
    }
  }
}
