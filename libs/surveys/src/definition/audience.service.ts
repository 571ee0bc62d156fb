import { Injectable } from '@nestjs/common';
import { MemberRepository, type MemberRecord } from '@roundtable/members';
import { AUDIENCE_MEMBERSHIP_STATES, matchesAudience } from './audience';
import type { SurveyAudience } from './survey.schema';

const PAGE = 500;

/**
 * Reads a survey's audience from the members collection: a page of members at a time by the indexed
 * `{ membership.state, _id }` range (`_id > last`, never `skip`), filtered in memory by the same rule
 * distribution uses. On FerretDB each page is still a scan of members (docs/storage.md), so this runs when
 * staff open a draft or when distribution starts, never per member request; the council is
 * hundreds of members, a few pages.
 */
@Injectable()
export class AudienceReader {
  constructor(private readonly members: MemberRepository) {}

  async forEach(audience: SurveyAudience, visit: (member: MemberRecord) => Promise<void> | void): Promise<void> {
    for (const state of AUDIENCE_MEMBERSHIP_STATES) {
      let after: string | undefined;
      for (;;) {
        const page = await this.members.list({ state, after }, PAGE);
        for (const member of page) {
          if (matchesAudience(audience, member)) {
            await visit(member);
          }
        }
        if (page.length < PAGE) {
          break;
        }
        after = String(page[page.length - 1]._id);
      }
    }
  }

  async count(audience: SurveyAudience): Promise<number> {
    let count = 0;
    await this.forEach(audience, () => {
      count += 1;
    });
    return count;
  }
}
