import { Injectable, Logger } from '@nestjs/common';
import type { SurveyMilestone } from '../links/link.schema';

export interface SurveyProgressEvent {
  surveyId: string;
  invitationId: string;
  /** Reached for the first time by this invitation (decided by a unique insert, so emitted once). */
  milestone: SurveyMilestone;
  /** The segment values the link answered through carries (SurveyLink.segments); absent otherwise. */
  segments?: Record<string, string>;
}
export type SurveyProgressListener = (event: SurveyProgressEvent) => Promise<void> | void;

/**
 * Where the response side tells the live figures that an invitation was opened, started (first
 * partial save) or completed. The sharded counters live in the distribution side: it registers a
 * listener at start-up (`register`). A listener that fails is logged and does not fail the member's
 * request: the counters' reconcile job recounts from survey_milestones.
 */
@Injectable()
export class SurveyProgressHook {
  private readonly logger = new Logger(SurveyProgressHook.name);
  private readonly listeners: SurveyProgressListener[] = [];

  register(listener: SurveyProgressListener): void {
    this.listeners.push(listener);
  }

  async emit(event: SurveyProgressEvent): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(event);
      } catch (error) {
        this.logger.warn(`A progress listener failed for ${event.milestone}: ${(error as Error).message}`);
      }
    }
  }
}
