import { Injectable, OnModuleInit } from '@nestjs/common';
import { ShardedCounters } from '@roundtable/counters';
import { RecurringJobs, type JobType } from '@roundtable/jobs';
import {
  InvitationRepository,
  MilestoneRepository,
  ResponseRepository,
  SurveyClosedHook,
  SurveyProgressHook,
  SurveyRepository,
  type SurveyProgressEvent,
} from '@roundtable/surveys';
import { DeliveryRepository } from '../delivery/delivery.repository';
import { counterGroup } from '../sending/batch-sender.service';
import { carriedSegments, segmentDeltas, segmentRecount, SegmentTally, segmentValueDeltas } from './segments';

export const RECONCILE_JOB = 'surveys.reconcile' satisfies JobType;
export const CLOSE_DUE_JOB = 'surveys.close-due' satisfies JobType;

/**
 * Keeps the live figures honest and the survey schedule moving. Counter shards are bumped right
 * after each change they count (here for opened/started/completed, as the response page reports
 * them), so a process that dies between the change and the bump leaves a figure short: every ten
 * minutes the worker recounts open surveys from the invitations, deliveries, milestones and responses
 * (each streamed through one cursor, in the worker only), corrects the shards (the segment figures
 * too), and stores the response rate by segment.
 * Every minute it closes surveys whose close date has passed.
 */
@Injectable()
export class SurveyBookkeeping implements OnModuleInit {
  constructor(
    private readonly recurring: RecurringJobs,
    private readonly hook: SurveyProgressHook,
    private readonly counters: ShardedCounters,
    private readonly surveys: SurveyRepository,
    private readonly invitations: InvitationRepository,
    private readonly milestones: MilestoneRepository,
    private readonly responses: ResponseRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly closed: SurveyClosedHook,
  ) {}

  onModuleInit(): void {
    this.hook.register(async (event) => {
      await this.counters.add(counterGroup(event.surveyId), {
        [event.milestone]: 1,
        ...(event.milestone === 'completed' ? await this.completedSegments(event) : {}),
      });
    });
    this.recurring.define(RECONCILE_JOB, { everyMs: 10 * 60_000 }, async () => {
      for (const survey of await this.surveys.listOpen()) {
        await this.reconcile(String(survey._id));
      }
    });
    this.recurring.define(CLOSE_DUE_JOB, { everyMs: 60_000 }, () => this.closeDue(new Date()));
  }

  /**
   * A completion counts in its invitation's segments too: by the values its link carries, or (a link
   * written before links carried them, or answered from the portal) by one read of the invitation, so
   * the live figures stay right between reconciles rather than waiting up to ten minutes for one.
   */
  private async completedSegments(event: SurveyProgressEvent): Promise<Record<string, number>> {
    const carried = carriedSegments(event.segments);
    if (carried) {
      return segmentValueDeltas(carried, 'completed');
    }
    const invitation = await this.invitations.findById(event.invitationId);
    return invitation ? segmentDeltas(invitation, 'completed') : {};
  }

  async closeDue(now: Date): Promise<void> {
    for (const survey of await this.surveys.listOpen()) {
      if (survey.closesAt && survey.closesAt.getTime() <= now.getTime()) {
        await this.surveys.close(String(survey._id), now);
        await this.reconcile(String(survey._id));
        await this.closed.emit(String(survey._id), now);
      }
    }
  }

  /** Recounts one survey's figures from the source of truth and stores its segment rates. */
  async reconcile(surveyId: string): Promise<void> {
    // One cursor per collection: FerretDB v1 answers each `_id > last` page by scanning the survey's
    // documents, so paging a 20,000-invitation survey by 500 took minutes and held a worker lane.
    const completed = new Set<string>();
    for await (const response of this.responses.streamForRanking(surveyId)) {
      if (response.status === 'completed') {
        completed.add(response._id);
      }
    }
    const milestones: Record<string, number> = { opened: 0, started: 0, completed: 0 };
    for await (const milestone of this.milestones.streamBySurvey(surveyId)) {
      milestones[milestone.milestone] += 1;
    }
    const started = Math.max(milestones.started, milestones.completed);
    const tally = new SegmentTally();
    const statuses: Record<string, number> = {};
    let invited = 0;
    for await (const invitation of this.invitations.streamForRanking(surveyId)) {
      invited += 1;
      statuses[invitation.status] = (statuses[invitation.status] ?? 0) + 1;
      tally.add(invitation, completed.has(invitation._id));
    }
    // Sent invitations are their delivery records (the status stays `queued` when the email leaves).
    let sent = 0;
    for await (const delivery of this.deliveries.streamBySurvey(surveyId)) {
      if (delivery.outcome === 'sent' && delivery._id.endsWith(':invite')) {
        sent += 1;
      }
    }
    const recount = {
      invited,
      sent,
      bounced: statuses.bounced ?? 0,
      opened: milestones.opened,
      started,
      completed: completed.size,
    };
    const segments = tally.result();
    await this.counters.reconcile(counterGroup(surveyId), { ...recount, ...segmentRecount(segments) });
    await this.deliveries.saveSnapshot(surveyId, segments, recount);
  }
}
