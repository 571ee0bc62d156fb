import { Injectable } from '@nestjs/common';
import { RateLimiter } from '@roundtable/auth';
import { hashToken, looksLikeToken, type FieldErrors } from '@roundtable/core';
import { JobQueue } from '@roundtable/jobs';
import type { NewLinkDto } from '../responses/new-link.dto';
import type { PageResult } from '../responses/response-pages.service';
import { LINK_REQUEST_JOB, type LinkRequestPayload } from './link-request.job';

const HOUR_MS = 60 * 60 * 1000;

/** Requests one address may set off a day: enough for a person, too few to bury a member in mail. */
export const LINK_REQUESTS_PER_ADDRESS_PER_DAY = 3;

/**
 * "Send me a new link" from a dead link's page, answered by anyone, signed out. The request path
 * does the same work whoever asks (two rate-limit counts and, within the limits, one queued job) and
 * says the same words, so neither the answer nor its time tells whether the address was invited;
 * the lookup and the mail happen in the worker (`LinkRequestJob`). A new link is sent alongside the
 * member's others, never instead of them, so asking on someone's behalf disables nothing.
 */
@Injectable()
export class LinkRequests {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly queue: JobQueue,
  ) {}

  /** The form is checked by its DTO (`NewLinkDto`); a refused one is shown again by `refusedPage`. */
  async request(form: NewLinkDto, ip: string): Promise<PageResult> {
    const email = form.email.toLowerCase();
    await this.limiter.hit(
      `survey-link-request:${ip}`,
      5,
      HOUR_MS,
      'You have asked for new links several times in the last hour. Please try again later.',
    );
    // Past the address's limit nothing more is sent, and the asker is not told (that would say
    // something about the address): many addresses asking cannot bury a member in mail.
    if (
      await this.limiter.allows(`survey-link-request-address:${email}`, LINK_REQUESTS_PER_ADDRESS_PER_DAY, 24 * HOUR_MS)
    ) {
      const payload: LinkRequestPayload = {
        email,
        linkHash: looksLikeToken(form.token) ? hashToken(form.token) : null,
      };
      await this.queue.enqueue(LINK_REQUEST_JOB, { ...payload }, { maxAttempts: 5 });
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
}
