import { Injectable, OnModuleInit } from '@nestjs/common';
import { SurveyProgressHook } from '@roundtable/surveys';
import { RankingRequests } from './ranking-requests.service';

/** In the API: a completed response asks for a (debounced) recomputation of its survey's result. */
@Injectable()
export class CompletionListener implements OnModuleInit {
  constructor(
    private readonly hook: SurveyProgressHook,
    private readonly requests: RankingRequests,
  ) {}

  onModuleInit(): void {
    this.hook.register(async (event) => {
      if (event.milestone === 'completed') {
        await this.requests.afterCompletion(event.surveyId);
      }
    });
  }
}
