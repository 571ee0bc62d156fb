import { Injectable } from '@nestjs/common';

/** Sends one member a new link to one survey, alongside the links they have: distribution's resend. */
export type LinkResender = (surveyId: string, email: string) => Promise<unknown>;

/**
 * Where a dead link's "send me a new link" reaches the sending side (from `LinkRequestJob`).
 * Distribution registers its resend here at start-up (`register`); until one is registered, requests
 * are recorded for staff in survey_link_requests. Surveys cannot import distribution (distribution builds on surveys), hence
 * the hook rather than an import.
 */
@Injectable()
export class SurveyLinkResendHook {
  private resender: LinkResender | null = null;

  register(resender: LinkResender): void {
    this.resender = resender;
  }

  get registered(): LinkResender | null {
    return this.resender;
  }
}
