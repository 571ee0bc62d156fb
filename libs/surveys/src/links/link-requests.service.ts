import { Injectable, Logger } from '@nestjs/common';
import { RateLimiter } from '@roundtable/auth';
import { hashToken, looksLikeToken, type FieldErrors } from '@roundtable/core';
import type { NewLinkDto } from '../responses/new-link.dto';
import { SurveyCache } from '../definition/survey-cache';
import { InvitationRepository } from '../invitations/invitation.repository';
import type { PageResult } from '../responses/response-pages.service';
import { LinkRepository, LinkRequestRepository } from './link.repository';
import { SurveyLinkResendHook } from './link-resend.hook';

/**
 * "Send me a new link" from a dead link's page. For every open survey the address was invited to, a
 * new link goes out through distribution's resend (SurveyLinkResendHook) and the request is recorded
 * as handled; without a resend, or for a survey that is not open, it is recorded for staff. The page
 * says the same whether or not the address was invited, so it tells nobody who the members are.
 */
@Injectable()
export class LinkRequests {
  private readonly logger = new Logger(LinkRequests.name);

  constructor(
    private readonly requests: LinkRequestRepository,
    private readonly links: LinkRepository,
    private readonly invitations: InvitationRepository,
    private readonly cache: SurveyCache,
    private readonly resend: SurveyLinkResendHook,
    private readonly limiter: RateLimiter,
  ) {}

  /** The form is checked by its DTO (`NewLinkDto`); a refused one is shown again by `refusedPage`. */
  async request(form: NewLinkDto, ip: string): Promise<PageResult> {
    const email = form.email.toLowerCase();
    await this.limiter.hit(
      `survey-link-request:${ip}`,
      5,
      60 * 60 * 1000,
      'You have asked for new links several times in the last hour. Please try again later.',
    );
    const dealtWith = await this.resendToOpenSurveys(email);
    if (dealtWith.length === 0) {
      const link = looksLikeToken(form.token) ? await this.links.findByHash(hashToken(form.token)) : null;
      await this.requests.record(email, link?.surveyId ?? null);
    }
    return {
      kind: 'page',
      status: 200,
      template: 'surveys/link-requested',
      model: { title: 'Your request is on its way', email },
    };
  }

  /** The form again with 422: what was typed, and a message per refused field. */
  refusedPage(body: Record<string, unknown>, errors: FieldErrors): PageResult {
    const typed = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 300) : '');
    return {
      kind: 'page',
      status: 422,
      template: 'surveys/link-problem',
      model: {
        title: 'Ask for a new survey link',
        heading: 'Ask for a new survey link',
        message: 'Enter the email address the survey invitation was sent to.',
        canAskForLink: true,
        token: looksLikeToken(body.token) ? body.token : '',
        email: typed(body.email),
        errors,
      },
    };
  }

  /** Resends the address's links to open surveys; returns the surveys dealt with (sent, or recorded on failure). */
  private async resendToOpenSurveys(email: string): Promise<string[]> {
    const resender = this.resend.registered;
    if (!resender) {
      return [];
    }
    const dealtWith: string[] = [];
    // Served by { email, surveyId }; a rare, rate-limited request, not a per-answer read.
    for (const invitation of await this.invitations.findByEmail(email)) {
      const survey = await this.cache.fresh(invitation.surveyId);
      const open = survey?.status === 'open' && (!survey.closesAt || survey.closesAt.getTime() > Date.now());
      if (!open) {
        continue;
      }
      try {
        await resender(invitation.surveyId, email);
        await this.requests.record(email, invitation.surveyId, new Date());
        dealtWith.push(invitation.surveyId);
      } catch (error) {
        // Recorded for staff instead; the person sees the same page either way.
        this.logger.warn(`Could not resend a survey link: ${(error as Error).message}`);
        await this.requests.record(email, invitation.surveyId);
        dealtWith.push(invitation.surveyId);
      }
    }
    return dealtWith;
  }
}
