import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertNew, InsertNewGroup } from '@roundtable/core';
import { SurveyLink, SurveyLinkRequest, SurveyMilestone, SurveyMilestoneRecord } from './link.schema';

export type LinkRecord = SurveyLink;

/** The only code that touches survey_links. */
@Injectable()
export class LinkRepository {
  constructor(@InjectModel(SurveyLink.name) private readonly links: Model<SurveyLink>) {}

  /** Stores a new link under its token's hash (the token itself is never stored). */
  async insert(hash: string, invitationId: string, surveyId: string): Promise<void> {
    await this.links.create({ _id: hash, invitationId, surveyId });
  }

  /** Stores a batch's new links in one insert (distribution: one round trip per batch, not per email). */
  async insertMany(
    links: Array<{
      hash: string;
      invitationId: string;
      surveyId: string;
      retiresOthersOnUse?: boolean;
      segments?: Record<string, string>;
    }>,
  ): Promise<void> {
    if (links.length > 0) {
      // Every field of SurveyLink, each of its type, straight to the driver: a batch writes one per
      // email, and building a mongoose document for each was a measurable share of the worker's CPU.
      const createdAt = new Date();
      const documents: SurveyLink[] = links.map((link) => ({
        _id: link.hash,
        invitationId: link.invitationId,
        surveyId: link.surveyId,
        createdAt,
        revokedAt: null,
        retiresOthersOnUse: link.retiresOthersOnUse === true,
        segments: link.segments ?? null,
      }));
      await this.links.collection.insertMany(documents as never[], { ordered: false });
    }
  }

  /** The link whatever its state (to tell a revoked link from an unknown one); one `_id` read. */
  findByHash(hash: string): Promise<LinkRecord | null> {
    return this.links.findById(hash).lean<LinkRecord>();
  }

  /** The link if it is still valid (not revoked); one `_id` read. */
  async findActiveByHash(hash: string): Promise<LinkRecord | null> {
    const link = await this.findByHash(hash);
    return link && !link.revokedAt ? link : null;
  }

  /**
   * A requested link was used: the invitation's other links are revoked and this one no longer retires
   * anything (so later answers through it cost no write). Repeating it changes nothing.
   */
  async retireOthers(invitationId: string, usedHash: string, at = new Date()): Promise<void> {
    await this.revokeOthers(invitationId, usedHash, at);
    await this.links.updateOne({ _id: usedHash }, { $set: { retiresOthersOnUse: false } });
  }

  /** Revokes an invitation's links except `keepHash` (resend: the new link replaces the old ones). */
  async revokeOthers(invitationId: string, keepHash: string, at = new Date()): Promise<void> {
    await this.links.updateMany({ invitationId, _id: { $ne: keepHash }, revokedAt: null }, { $set: { revokedAt: at } });
  }
}

type MilestoneDocument = Pick<SurveyMilestoneRecord, '_id' | 'invitationId' | 'surveyId' | 'milestone'>;

/** The only code that touches survey_milestones. */
@Injectable()
export class MilestoneRepository {
  /** Concurrent submissions' milestones share one unordered insert (each still waits for its own). */
  private readonly group: InsertNewGroup<MilestoneDocument>;

  constructor(@InjectModel(SurveyMilestoneRecord.name) private readonly milestones: Model<SurveyMilestoneRecord>) {
    this.group = new InsertNewGroup((documents) => insertNew(this.milestones, documents));
  }

  /** Records that an invitation reached a milestone; true only the first time (decided by unique insert). */
  async reach(invitationId: string, surveyId: string, milestone: SurveyMilestone): Promise<boolean> {
    return (await this.reachAll(invitationId, surveyId, [milestone])).length === 1;
  }

  /**
   * Records milestones of one invitation in one round trip (an unordered insert, shared with other
   * answers arriving meanwhile, each milestone decided by its unique `_id`) and returns those reached for
   * the first time, in the order given. A view records "opened", a completed submission "started" and
   * "completed", this way.
   */
  async reachAll(invitationId: string, surveyId: string, milestones: SurveyMilestone[]): Promise<SurveyMilestone[]> {
    const inserted = await this.group.add(
      milestones.map((milestone) => ({ _id: `${invitationId}:${milestone}`, invitationId, surveyId, milestone })),
    );
    return milestones.filter((milestone) => inserted.has(`${invitationId}:${milestone}`));
  }

  /** A survey's milestones in `_id` order after `afterId` (served by { surveyId, _id }); reconcile only. */
  pageBySurvey(surveyId: string, limit: number, afterId?: string): Promise<SurveyMilestoneRecord[]> {
    const filter = afterId ? { surveyId, _id: { $gt: afterId } } : { surveyId };
    return this.milestones.find(filter).sort({ _id: 1 }).limit(limit).lean<SurveyMilestoneRecord[]>();
  }

  /** A survey's milestones as one cursor (`_id` order; reconcile): one scan instead of a query per page. */
  streamBySurvey(surveyId: string): AsyncIterable<SurveyMilestoneRecord> {
    return this.milestones
      .find({ surveyId })
      .sort({ _id: 1 })
      .lean<SurveyMilestoneRecord>()
      .cursor({ batchSize: 2000 });
  }

  async has(invitationId: string, milestone: SurveyMilestone): Promise<boolean> {
    return (await this.milestones.findById(`${invitationId}:${milestone}`).lean()) !== null;
  }
}

/** The only code that touches survey_link_requests. */
@Injectable()
export class LinkRequestRepository {
  constructor(@InjectModel(SurveyLinkRequest.name) private readonly requests: Model<SurveyLinkRequest>) {}

  async record(email: string, surveyId: string | null, handledAt: Date | null = null): Promise<void> {
    await this.requests.create({ email: email.trim().toLowerCase(), surveyId, handledAt });
  }

  /** Unhandled requests, oldest first (staff's list; served by { handledAt, _id }). */
  listUnhandled(limit: number): Promise<SurveyLinkRequest[]> {
    return this.requests.find({ handledAt: null }).sort({ _id: 1 }).limit(limit).lean<SurveyLinkRequest[]>();
  }
}
