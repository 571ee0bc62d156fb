import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JobRunner, PermanentJobError } from '@roundtable/jobs';
import { SurveyRepository } from '../definition/survey.repository';
import { InvitationRepository } from '../invitations/invitation.repository';
import { LinkRepository, LinkRequestRepository } from './link.repository';
import { SurveyLinkResendHook } from './link-resend.hook';

/** A dead link's "send me a new link", done off the request path (`LinkRequests` queues it). */
export const LINK_REQUEST_JOB = 'survey.link-request';

export interface LinkRequestPayload {
  /** As typed, lower-cased. */
  email: string;
  /** The hash of the dead link's token, when the page had one (the token itself is never queued). */
  linkHash: string | null;
}

/**
 * The work behind "send me a new link": for every open survey the address was invited to, a new link
 * goes out through distribution's resend (SurveyLinkResendHook), alongside the links the member has,
 * and the request is recorded as handled; otherwise it is recorded for staff. It runs in the worker so
 * that the page answers in the same time, with the same words, whether or not the address was invited.
 */
@Injectable()
export class LinkRequestJob implements OnModuleInit {
  private readonly logger = new Logger(LinkRequestJob.name);

  constructor(
    private readonly runner: JobRunner,
    private readonly requests: LinkRequestRepository,
    private readonly links: LinkRepository,
    private readonly invitations: InvitationRepository,
    private readonly surveys: SurveyRepository,
    private readonly resend: SurveyLinkResendHook,
  ) {}

  onModuleInit(): void {
    this.runner.register(LINK_REQUEST_JOB, (payload) => this.handle(payload));
  }

  async handle(payload: Record<string, unknown>): Promise<void> {
    const { email, linkHash } = payload as Partial<LinkRequestPayload>;
    if (typeof email !== 'string' || (linkHash !== null && typeof linkHash !== 'string')) {
      throw new PermanentJobError('A link request needs an email address.');
    }
    const dealtWith = await this.resendToOpenSurveys(email);
    if (dealtWith === 0) {
      const link = linkHash ? await this.links.findByHash(linkHash) : null;
      await this.requests.record(email, link?.surveyId ?? null);
    }
  }

  /** Resends the address's links to open surveys; returns how many surveys were dealt with. */
  private async resendToOpenSurveys(email: string): Promise<number> {
    const resender = this.resend.registered;
    if (!resender) {
      return 0;
    }
    let dealtWith = 0;
    // Served by { email, surveyId }.
    for (const invitation of await this.invitations.findByEmail(email)) {
      const survey = await this.surveys.findById(invitation.surveyId);
      const open = survey?.status === 'open' && (!survey.closesAt || survey.closesAt.getTime() > Date.now());
      if (!open) {
        continue;
      }
      try {
        await resender(invitation.surveyId, email);
        await this.requests.record(email, invitation.surveyId, new Date());
      } catch (error) {
        // Recorded for staff instead.
        this.logger.warn(`Could not resend a survey link: ${(error as Error).message}`);
        await this.requests.record(email, invitation.surveyId);
      }
      dealtWith += 1;
    }
    return dealtWith;
  }
}
