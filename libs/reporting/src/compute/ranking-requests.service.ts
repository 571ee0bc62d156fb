import { Injectable } from '@nestjs/common';
import { JobQueue, type JobType } from '@roundtable/jobs';
import { RankingRequestRepository } from '../snapshots/request.repository';
import type { SnapshotTrigger } from '../snapshots/ranking-snapshot.schema';

/** The worker job that computes a survey's result: payload { surveyId, trigger }. */
export const RANKING_JOB = 'rankings.compute' satisfies JobType;

const MINUTE = 60_000;

/**
 * When a survey's ranking is recomputed: at most about once a minute after new completions
 * (debounced: the first completion in a minute queues one job for the minute's end, and the unique
 * request `_id` keeps the others from queueing more), once at close, and on demand.
 */
@Injectable()
export class RankingRequests {
  constructor(
    private readonly requests: RankingRequestRepository,
    private readonly queue: JobQueue,
  ) {}

  /**
   * Each survey's latest minute request this process made or found made (an insert that collided), so
   * the other completions of that minute cost no round trip: the request exists, and its job runs at the
   * minute's end. Concurrent completions share the one insert; a failed insert is forgotten and retried.
   */
  private readonly minuteRequests = new Map<string, { id: string; made: Promise<boolean> }>();

  async afterCompletion(surveyId: string, now = new Date()): Promise<boolean> {
    const minute = Math.floor(now.getTime() / MINUTE);
    const id = `completions:${surveyId}:${minute}`;
    const known = this.minuteRequests.get(surveyId);
    if (known?.id === id) {
      await known.made;
      return false;
    }
    const made = this.request(id, surveyId, 'completions', new Date((minute + 1) * MINUTE), now);
    this.minuteRequests.set(surveyId, { id, made });
    try {
      return await made;
    } catch (error) {
      if (this.minuteRequests.get(surveyId)?.made === made) {
        this.minuteRequests.delete(surveyId);
      }
      throw error;
    }
  }

  /** The final computation, just after the close date (also when nobody closes the survey by hand). */
  async atClose(surveyId: string, closesAt: Date, now = new Date()): Promise<boolean> {
    const runAt = new Date(Math.max(closesAt.getTime(), now.getTime()) + 5_000);
    return this.request(`close:${surveyId}:${closesAt.getTime()}`, surveyId, 'close', runAt, now);
  }

  /**
   * The survey was closed (early by staff, or by the close-date sweep): the final computation, now.
   * Answers are refused from the close on, so nothing is waited for; the request `_id` names the
   * close, so a second emit of the same close queues nothing.
   */
  async closed(surveyId: string, closedAt: Date, now = new Date()): Promise<boolean> {
    return this.request(`closed:${surveyId}:${closedAt.getTime()}`, surveyId, 'close', now, now);
  }

  /** Staff's "recompute now" (a double click in the same ten seconds queues one job). */
  async onDemand(surveyId: string, now = new Date()): Promise<boolean> {
    return this.request(`demand:${surveyId}:${Math.floor(now.getTime() / 10_000)}`, surveyId, 'demand', now, now);
  }

  private async request(
    id: string,
    surveyId: string,
    trigger: SnapshotTrigger,
    runAt: Date,
    now: Date,
  ): Promise<boolean> {
    if (!(await this.requests.insertOnce(id, surveyId, trigger, now))) {
      return false;
    }
    await this.queue.enqueue(RANKING_JOB, { surveyId, trigger }, { runAt });
    return true;
  }
}
