import { Injectable, Logger } from '@nestjs/common';

/** A survey was closed (by staff early, or by the worker at its close date). */
export type SurveyClosedListener = (surveyId: string, closedAt: Date) => Promise<unknown> | unknown;

/**
 * Where closing a survey tells the sides that build on it. Distribution closes surveys (staff's
 * "close now", the worker's close-date sweep) and emits here; reporting listens and queues the final
 * ranking at once (its own booking only knows the planned close date, which an early close leaves
 * far ahead). Surveys cannot import either lib, hence the hook. A listener that fails is logged and
 * does not undo the close: staff can still ask for a recomputation.
 */
@Injectable()
export class SurveyClosedHook {
  private readonly logger = new Logger(SurveyClosedHook.name);
  private readonly listeners: SurveyClosedListener[] = [];

  register(listener: SurveyClosedListener): void {
    this.listeners.push(listener);
  }

  async emit(surveyId: string, closedAt: Date): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(surveyId, closedAt);
      } catch (error) {
        this.logger.warn(`A survey-closed listener failed for ${surveyId}: ${(error as Error).message}`);
      }
    }
  }
}
