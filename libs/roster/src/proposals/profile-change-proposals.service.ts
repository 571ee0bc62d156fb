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
 * not change. Two reads by indexed fields per change of company or title, none otherwise.
 */
@Injectable()
export class ProfileChangeProposals implements ProfileChangeListener {
  constructor(
    private readonly tenures: TenureRepository,
    private readonly proposals: RosterProposalRepository,
  ) {}

  async profileChanged(change: ProfileChange): Promise<void> {
    const own = (await this.tenures.findByMember(change.memberId)).map(tenureView);
    const namesakes =
      own.length === 0 && change.before
        ? (await this.tenures.findOpenByPerson(normalisePerson(change.name))).map(tenureView)
        : [];
    const tenure = tenureOfMember(change, own, namesakes);
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
}
