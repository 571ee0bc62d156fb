import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertNew, insertOnce } from '@roundtable/core';
import { invitationId, InvitationStatus, SurveyInvitation } from './invitation.schema';

export type InvitationRecord = SurveyInvitation;
/** The projection rankings stream: the profile snapshot and tier for skew and segments, no address or name. */
export type RankingInvitationRow = Pick<SurveyInvitation, '_id' | 'profile' | 'tier' | 'status' | 'sentAt'>;
export type NewInvitation = Pick<SurveyInvitation, 'surveyId' | 'memberId' | 'email' | 'name' | 'profile' | 'tier'>;

/** The only code that touches survey_invitations. */
@Injectable()
export class InvitationRepository {
  constructor(@InjectModel(SurveyInvitation.name) private readonly invitations: Model<SurveyInvitation>) {}

  /**
   * Writes the member's invitation unless one exists: true when this call created it. The `_id`
   * `<surveyId>:<memberId>` makes a retry, a restarted worker or a racing worker harmless.
   */
  async insertOnce(invitation: NewInvitation, status: InvitationStatus = 'queued'): Promise<boolean> {
    const created = await insertOnce(this.invitations, {
      ...invitation,
      _id: invitationId(invitation.surveyId, invitation.memberId),
      email: invitation.email.trim().toLowerCase(),
      status,
    });
    return created !== null;
  }

  /**
   * Writes a page of members' invitations in one insert, each unless it exists (distribution: one round
   * trip per few hundred members); returns the ids this call created (a retried page creates none
   * twice). Same `_id`s as `insertOnce`.
   */
  insertManyOnce(invitations: NewInvitation[], status: InvitationStatus = 'queued'): Promise<Set<string>> {
    return insertNew(
      this.invitations,
      invitations.map((invitation) => ({
        ...invitation,
        _id: invitationId(invitation.surveyId, invitation.memberId),
        email: invitation.email.trim().toLowerCase(),
        status,
      })),
    );
  }

  /**
   * Erasure: the member's invitations stay (they count in response rates and segments) but lose the
   * address and name; the profile snapshot carries no name or address.
   */
  async eraseMember(memberId: string): Promise<void> {
    await this.invitations.updateMany({ memberId }, { $set: { email: '', name: '' } });
  }

  /**
   * The members a survey has invited so far (a resumed distribution skips them), read through one
   * cursor of member ids (served by { surveyId, _id }).
   */
  async memberIdsOf(surveyId: string): Promise<Set<string>> {
    const ids = new Set<string>();
    const rows = this.invitations
      .find({ surveyId }, { _id: 0, memberId: 1 })
      .lean<Pick<SurveyInvitation, 'memberId'>>()
      .cursor({ batchSize: 2000 });
    for await (const row of rows) {
      ids.add(row.memberId);
    }
    return ids;
  }

  findById(id: string): Promise<InvitationRecord | null> {
    return this.invitations.findById(id).lean<InvitationRecord>();
  }

  findForMember(surveyId: string, memberId: string): Promise<InvitationRecord | null> {
    return this.findById(invitationId(surveyId, memberId));
  }

  /** A person's invitations by address (a dead link's "send me a new link"); served by { email, surveyId }. */
  findByEmail(email: string): Promise<InvitationRecord[]> {
    return this.invitations.find({ email: email.trim().toLowerCase() }).limit(50).lean<InvitationRecord[]>();
  }

  /** A survey's invitations in `_id` order after `afterId` (served by { surveyId, _id }). */
  pageBySurvey(surveyId: string, limit: number, afterId?: string): Promise<InvitationRecord[]> {
    const filter = afterId ? { surveyId, _id: { $gt: afterId } } : { surveyId };
    return this.invitations.find(filter).sort({ _id: 1 }).limit(limit).lean<InvitationRecord[]>();
  }

  async setStatus(
    id: string,
    status: InvitationStatus,
    extra: { lastError?: string | null; sentAt?: Date | null } = {},
  ): Promise<void> {
    await this.invitations.updateOne({ _id: id }, { $set: { status, ...extra } });
  }

  /**
   * Sets the status of a batch of invitations in one write (distribution's exceptions: bounced, opted
   * out, failed, a resent link delivered). FerretDB v1 matches `_id: {$in}` by scanning and updates each
   * document apart, so this is for the few, never for every invitation sent (survey_deliveries says that).
   */
  async setStatusMany(
    ids: string[],
    status: InvitationStatus,
    extra: { lastError?: string | null; sentAt?: Date | null } = {},
  ): Promise<void> {
    if (ids.length > 0) {
      await this.invitations.updateMany({ _id: { $in: ids } }, { $set: { status, ...extra } });
    }
  }

  /** Records a reminder sent to a batch of invitations in one write. */
  async addReminderMany(ids: string[], at = new Date()): Promise<void> {
    if (ids.length > 0) {
      await this.invitations.updateMany({ _id: { $in: ids } }, { $push: { remindedAt: at } });
    }
  }

  async addReminder(id: string, at = new Date()): Promise<void> {
    await this.invitations.updateOne({ _id: id }, { $push: { remindedAt: at } });
  }

  /**
   * A survey's invitations as one cursor over what rankings need (profile snapshot, tier, status;
   * no address, no name), in `_id` order (served by { surveyId, _id }).
   */
  streamForRanking(surveyId: string): AsyncIterable<RankingInvitationRow> {
    return this.invitations
      .find({ surveyId }, { profile: 1, tier: 1, status: 1, sentAt: 1 })
      .sort({ _id: 1 })
      .lean<RankingInvitationRow>()
      .cursor({ batchSize: 2000 });
  }
}
