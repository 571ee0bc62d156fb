import { Injectable, OnModuleInit } from '@nestjs/common';
import { SurveyClosedHook } from '@roundtable/surveys';
import { RankingRequests } from './ranking-requests.service';

/**
 * In the api (staff's "close now") and the worker (the close-date sweep): a closed survey gets its
 * final ranking computed at once, not at the close date booked while it was open.
 */
@Injectable()
export class CloseListener implements OnModuleInit {
  constructor(
    private readonly hook: SurveyClosedHook,
    private readonly requests: RankingRequests,
  ) {}

  onModuleInit(): void {
    this.hook.register((surveyId, closedAt) => this.requests.closed(surveyId, closedAt));
  }
}
