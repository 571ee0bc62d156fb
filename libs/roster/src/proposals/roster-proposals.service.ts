import { Injectable } from '@nestjs/common';
import {
  confirmationPage,
  ConflictError,
  formatDate,
  FormOutcome,
  NotFoundError,
  type PageRequest,
} from '@roundtable/core';
import { CensusRequests } from '../compute/census-requests.service';
import { normaliseCompany } from '../names';
import { TenureRepository, type TenureRecord } from '../tenures/tenure.repository';
import { RosterProposalRepository } from './roster-proposal.repository';
import type { RosterProposal } from './roster-proposal.schema';

const LIST = '/admin/roster/proposals';

/** What accepting a proposal does, in staff's words (the list and the confirmation say the same). */
export function proposalConsequences(p: RosterProposal, tenureEnded: boolean): string[] {
  const { person, company, title } = p.from;
  if (p.kind === 'title') {
    return [`The title of ${person} at ${company} changes from “${title}” to “${p.to.title}”.`];
  }
  return [
    ...(tenureEnded ? [] : [`The tenure of ${person} at ${company} ends on ${p.changeDate}.`]),
    `A tenure starts on ${p.changeDate}: ${person}, ${p.to.title} at ${p.to.company}, linked to the member.`,
  ];
}

/**
 * Staff's list of the roster changes members' profiles propose, and the two decisions, each asked
 * first on core's confirmation step. Accepting applies the change (again harmlessly: the new tenure
 * is unique by person, company and start) and then removes the proposal; the census is recomputed.
 */
@Injectable()
export class RosterProposals {
  constructor(
    private readonly proposals: RosterProposalRepository,
    private readonly tenures: TenureRepository,
    private readonly requests: CensusRequests,
  ) {}

  async listPage() {
    const proposals = await this.proposals.listNewestFirst();
    return {
      title: 'Proposed roster changes',
      proposals: proposals.map((p) => ({
        id: p._id,
        memberName: p.memberName,
        kind: p.kind,
        from: p.from,
        to: p.to,
        proposedOn: formatDate(p.proposedAt),
        tenureId: p.tenureId,
      })),
    };
  }

  async acceptConfirmPage({ params }: Partial<PageRequest>) {
    const proposal = await this.getOrFail(params?.id ?? '');
    const tenure = await this.tenures.findById(proposal.tenureId);
    return confirmationPage({
      heading: proposal.kind === 'company' ? 'Record this move on the roster?' : 'Change this title on the roster?',
      subject: `${proposal.memberName} changed their profile on ${formatDate(proposal.proposedAt)}`,
      consequences: [
        ...proposalConsequences(proposal, tenure !== null && tenure.end !== null),
        'The census on The role in numbers is recomputed within seconds.',
      ],
      undo: 'Edit or remove the tenures on the roster; the proposal itself is gone once accepted.',
      action: `${LIST}/${proposal._id}/accept`,
      button: proposal.kind === 'company' ? 'Record the move' : 'Change the title',
      cancel: LIST,
    });
  }

  async dismissConfirmPage({ params }: Partial<PageRequest>) {
    const proposal = await this.getOrFail(params?.id ?? '');
    return confirmationPage({
      heading: 'Dismiss this proposal?',
      subject: `${proposal.memberName}: ${proposal.from.title || 'no title'} at ${proposal.from.company} → ${proposal.to.title} at ${proposal.to.company}`,
      consequences: [`The roster keeps ${proposal.from.person} at ${proposal.from.company} as it is.`],
      undo: 'The proposal cannot be brought back; the tenure can still be edited on the roster by hand.',
      action: `${LIST}/${proposal._id}/dismiss`,
      button: 'Dismiss the proposal',
      cancel: LIST,
      danger: true,
    });
  }

  async accept(id: string): Promise<FormOutcome> {
    const proposal = await this.proposals.find(id);
    if (!proposal) {
      return FormOutcome.ok(LIST, 'That proposal was accepted or dismissed already.');
    }
    const tenure = await this.tenures.findById(proposal.tenureId);
    if (!tenure) {
      await this.proposals.take(id);
      return FormOutcome.ok(LIST, `The tenure of ${proposal.from.person} is no longer on the roster: nothing changed.`);
    }
    if (proposal.kind === 'company' && tenure.end === null && proposal.changeDate <= tenure.start) {
      return FormOutcome.invalid(
        {},
        {
          proposal: `The tenure at ${tenure.company} starts on ${tenure.start}, not before the change on ${proposal.changeDate}: edit it on the roster instead.`,
        },
        409,
      );
    }
    await (proposal.kind === 'company' ? this.recordMove(proposal, tenure) : this.changeTitle(proposal, tenure));
    await this.proposals.take(id);
    await this.requests.rosterChanged();
    return FormOutcome.ok(LIST, `Accepted: ${proposalConsequences(proposal, tenure.end !== null).join(' ')}`);
  }

  async dismiss(id: string): Promise<FormOutcome> {
    const proposal = await this.proposals.find(id);
    if (!proposal || !(await this.proposals.take(id))) {
      return FormOutcome.ok(LIST, 'That proposal was accepted or dismissed already.');
    }
    return FormOutcome.ok(
      LIST,
      `Dismissed: the roster keeps ${proposal.from.person} at ${proposal.from.company} as it is.`,
    );
  }

  private async getOrFail(id: string): Promise<RosterProposal> {
    const proposal = await this.proposals.find(id);
    if (!proposal) {
      throw new NotFoundError('This proposal was accepted or dismissed already.');
    }
    return proposal;
  }

  /** The new tenure first (a second accept finds it there), then the old one ends on the day of the change. */
  private async recordMove(proposal: RosterProposal, tenure: TenureRecord): Promise<void> {
    const { to, changeDate, memberId } = proposal;
    try {
      await this.tenures.create({
        person: tenure.person,
        personKey: tenure.personKey,
        company: to.company,
        companyKey: normaliseCompany(to.company),
        companyId: null,
        title: to.title,
        start: changeDate,
        end: null,
        revenueBand: to.revenueBand,
        businessModel: to.businessModel,
        industry: to.industry,
        region: null,
        ccoModel: to.ccoModel,
        source: `The member’s profile, changed on ${changeDate}`,
        memberId,
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) {
        throw error;
      }
    }
    await this.tenures.update(tenure._id, tenure.end === null ? { end: changeDate, memberId } : { memberId });
  }

  private async changeTitle(proposal: RosterProposal, tenure: TenureRecord): Promise<void> {
    await this.tenures.update(tenure._id, { title: proposal.to.title, memberId: proposal.memberId });
  }
}
