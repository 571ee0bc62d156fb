import { formatDate } from '@roundtable/core';
import { Injectable } from '@nestjs/common';
import { SurveyRepository } from '../definition/survey.repository';
import { InvitationRepository } from '../invitations/invitation.repository';
import { ResponseRepository } from '../responses/response.repository';

const dateLabel = (date: Date | null) => (date ? formatDate(date) : '');

/**
 * A member's open surveys in the portal. Reads the open surveys (a handful: the surveys collection is
 * small), then for each the member's invitation and response by `_id`. Only hashes of the emailed
 * tokens are stored, so the portal opens the response by invitation for the signed-in member.
 */
@Injectable()
export class PortalSurveys {
  constructor(
    private readonly surveys: SurveyRepository,
    private readonly invitations: InvitationRepository,
    private readonly responses: ResponseRepository,
  ) {}

  async listPage(memberId: string, now = new Date()) {
    const open = (await this.surveys.listOpen()).filter(
      (survey) => !survey.closesAt || survey.closesAt.getTime() > now.getTime(),
    );
    const rows = [];
    for (const survey of open) {
      const invitation = await this.invitations.findForMember(String(survey._id), memberId);
      if (!invitation) {
        continue;
      }
      const response = await this.responses.findById(invitation._id);
      rows.push({
        id: String(survey._id),
        title: survey.title,
        closes: dateLabel(survey.closesAt),
        state: !response ? 'Not started' : response.status === 'completed' ? 'Submitted' : 'In progress',
        action: !response ? 'Answer' : response.status === 'completed' ? 'Review or change' : 'Continue',
      });
    }
    return { title: 'Your surveys', surveys: rows };
  }
}
