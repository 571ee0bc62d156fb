import { Injectable } from '@nestjs/common';
import { isoDate, type ProfileChange, type ProfileChangeListener } from '@roundtable/core';
import { normalisePerson } from '../names';
import { TenureRepository, type TenureRecord } from '../tenures/tenure.repository';
import { planProposal, rosterAgrees, tenureOfMember, type TenureView } from './proposal-plan';
import { RosterProposalRepository } from './roster-proposal.repository';

export const tenureView = (tenure: TenureRecord): TenureView => ({
  _id: String(tenure._id),
  person: tenure.person,
  personKey: tenure.personKey,
  company: tenure.company,
  title: tenure.title,
  start: tenure.start,
  end: tenure.end,
  memberId: tenure.memberId,
});

/**
 * The roster's ear for members' profile changes (PROFILE_CHANGES): a member on the roster who changes
 * company or title proposes the matching roster change for staff to accept; the roster itself does
 * not change. A few reads by indexed fields per change of company or title, none otherwise.
 */
@Injectable()
export class ProfileChangeProposals implements ProfileChangeListener {
  constructor(
    private readonly tenures: TenureRepository,
    private readonly proposals: RosterProposalRepository,
  ) {}

  async profileChanged(change: ProfileChange): Promise<void> {
    const tenure = await this.tenureOf(change);
    if (!tenure) {
      return;
    }
    const planned = planProposal(change, tenure);
    if (!planned) {
      if (rosterAgrees(tenure, change.after)) {
        // The member changed back to what the roster says: what they proposed before is moot.
        await this.proposals.removeOthersOf(tenure._id, null);
      }
      return;
    }
    await this.proposals.insertOnce({
      _id: planned.id,
      tenureId: tenure._id,
      memberId: change.memberId,
      memberName: change.name,
      kind: planned.kind,
      from: { person: tenure.person, company: tenure.company, title: tenure.title },
      to: change.after,
      changeDate: isoDate(change.at),
      proposedAt: change.at,
    });
    // An earlier proposal for this tenure describes a profile the member has since changed again.
    await this.proposals.removeOthersOf(tenure._id, planned.id);
  }

  /**
   * The member's tenure: one linked to them; else the one a waiting proposal of theirs is about (it
   * was found by name at a company the profile no longer names); else an open namesake's at the
   * company they are leaving.
   */
  private async tenureOf(change: ProfileChange): Promise<TenureView | null> {
    const own = (await this.tenures.findByMember(change.memberId)).map(tenureView);
    if (own.length > 0) {
      return tenureOfMember(change, own, []);
    }
    const waiting = await this.proposals.findByMember(change.memberId);
    const proposed = waiting ? await this.tenures.findById(waiting.tenureId) : null;
    if (proposed) {
      return tenureView(proposed);
    }
    const namesakes = change.before
      ? (await this.tenures.findOpenByPerson(normalisePerson(change.name))).map(tenureView)
      : [];
    return tenureOfMember(change, [], namesakes);
  }
}
