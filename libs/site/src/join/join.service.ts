import { Injectable } from '@nestjs/common';
import type { SessionMember } from '@roundtable/auth';
import { TierRepository, tierView } from '@roundtable/billing';
import { QuoteRepository } from '../quotes/quote.repository';
import { tierOffers } from './tier-offers';

/** What members get, the tiers with their prices, members' words, and the way in. */
@Injectable()
export class JoinPage {
  constructor(
    private readonly tiers: TierRepository,
    private readonly quotes: QuoteRepository,
  ) {}

  async page(viewer: SessionMember | undefined) {
    const offered = (await this.tiers.listOffered()).map(tierView);
    return {
      title: 'Join your peers — become a member',
      description:
        'Membership of Roundtable, the council of Chief Customer Officers: peers, research, the resource library and the members’ directory.',
      offers: tierOffers(offered),
      quotes: (await this.quotes.listShown()).map((quote) => ({
        quote: quote.quote,
        name: quote.name,
        title: quote.title,
        company: quote.company,
        linkedinUrl: quote.linkedinUrl,
      })),
      signedIn: Boolean(viewer),
      // Approved members and staff have nothing to apply for: their way on is the membership page.
      applied: viewer ? viewer.role !== 'applicant' : false,
    };
  }
}
