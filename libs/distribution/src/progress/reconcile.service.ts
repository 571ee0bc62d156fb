import { Injectable, OnModuleInit } from '@nestjs/common';
import { ShardedCounters } from '@roundtable/counters';
import { RecurringJobs } from '@roundtable/jobs';
import {
  InvitationRepository,
  MilestoneRepository,
  ResponseRepository,
  SurveyClosedHook,
  SurveyProgressHook,
  SurveyRepository,
} from '@roundtable/surveys';
import { DeliveryRepository } from '../delivery/delivery.repository';
import { counterGroup } from '../sending/batch-sender.service';
import { SegmentTally } from './segments';

export const RECONCILE_JOB = 'surveys.reconcile';
export const CLOSE_DUE_JOB = 'surveys.close-due';
const PAGE = 500;

/**
 * Keeps the live figures honest and the survey schedule moving. Counter shards are bumped right
 * after each change they count (here for opened/started/completed, as the response page reports
 * them), so a process that dies between the change and the bump leaves a figure short: every ten
 * minutes the worker recounts open surveys from the invitations, milestones and responses (streamed
 * by `_id` range, in the worker only), corrects the shards, and stores the response rate by segment.
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
      await this.counters.add(counterGroup(event.surveyId), { [event.milestone]: 1 });
    });
    this.recurring.define(RECONCILE_JOB, { everyMs: 10 * 60_000 }, async () => {
      for (const survey of await this.surveys.listOpen()) {
        await this.reconcile(String(survey._id));
      }
    });
    this.recurring.define(CLOSE_DUE_JOB, { everyMs: 60_000 }, () => this.closeDue(new Date()));
  }

  /** Called when a worker starts. */
  async start(): Promise<void> {
    await this.recurring.ensure(RECONCILE_JOB);
    await this.recurring.ensure(CLOSE_DUE_JOB);
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
    const completed = new Set<string>();
    let after: string | undefined;
    for (;;) {
      const page = await this.responses.pageBySurvey(surveyId, PAGE, after);
      for (const response of page) {
        if (response.status === 'completed') {
          completed.add(response._id);
        }
      }
      if (page.length < PAGE) {
        break;
      }
      after = page[page.length - 1]._id;
    }
    const milestones: Record<string, number> = { opened: 0, started: 0, completed: 0 };
    after = undefined;
    for (;;) {
      const page = await this.milestones.pageBySurvey(surveyId, PAGE, after);
      for (const milestone of page) {
        milestones[milestone.milestone] += 1;
      }
      if (page.length < PAGE) {
        break;
      }
      after = page[page.length - 1]._id;
    }
    const started = Math.max(milestones.started, milestones.completed);
    const tally = new SegmentTally();
    const statuses: Record<string, number> = {};
    let invited = 0;
    after = undefined;
    for (;;) {
      const page = await this.invitations.pageBySurvey(surveyId, PAGE, after);
      for (const invitation of page) {
        invited += 1;
        statuses[invitation.status] = (statuses[invitation.status] ?? 0) + 1;
        tally.add(invitation, completed.has(invitation._id));
      }
      if (page.length < PAGE) {
        break;
      }
      after = page[page.length - 1]._id;
    }
    const recount = {
      invited,
      sent: statuses.sent ?? 0,
      bounced: statuses.bounced ?? 0,
      opened: milestones.opened,
      started,
      completed: completed.size,
    };
    await this.counters.reconcile(counterGroup(surveyId), recount);
    await this.deliveries.saveSnapshot(surveyId, tally.result(), recount);
  }
}
