import { Injectable } from '@nestjs/common';
import { RateLimiter } from '@roundtable/auth';
import { hashToken, looksLikeToken } from '@roundtable/core';
import type { PageResult } from '../responses/response-pages.service';
import { LinkRepository, LinkRequestRepository } from './link.repository';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

/**
 * "Send me a new link" from a dead link's page. The request is recorded for staff (the survey is
 * known when the dead link was a real, revoked or closed one); the page says the same whether or not
 * the address was invited, so it tells nobody who the council's members are.
 */
@Injectable()
export class LinkRequests {
  constructor(
    private readonly requests: LinkRequestRepository,
    private readonly links: LinkRepository,
    private readonly limiter: RateLimiter,
  ) {}

  async request(body: Record<string, unknown>, ip: string): Promise<PageResult> {
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
    if (!EMAIL.test(email) || email.length > 254) {
      return {
        kind: 'page',
        status: 422,
        template: 'surveys/link-problem',
        model: {
          title: 'Ask for a new survey link',
          heading: 'Ask for a new survey link',
          message: 'Enter the email address the survey invitation was sent to.',
          canAskForLink: true,
          token: typeof body.token === 'string' ? body.token : '',
          email,
          errors: { email: 'Please enter an email address, like name@company.com.' },
        },
      };
    }
    await this.limiter.hit(
      `survey-link-request:${ip}`,
      5,
      60 * 60 * 1000,
      'You have asked for new links several times in the last hour. Please try again later.',
    );
    const link = looksLikeToken(body.token) ? await this.links.findByHash(hashToken(body.token)) : null;
    await this.requests.record(email, link?.surveyId ?? null);
    return {
      kind: 'page',
      status: 200,
      template: 'surveys/link-requested',
      model: { title: 'Your request is on its way', email },
    };
  }
}
