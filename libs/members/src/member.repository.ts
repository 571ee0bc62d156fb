import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import {
  insertOnce,
  insertOrConflict,
  isoDateTime,
  type KeysetPlan,
  objectIdKeyset,
  parseObjectId,
} from '@roundtable/core';
import { WaitingWorkRepository } from '@roundtable/counters';
import { ApplicationDecision } from './application-decision.schema';
import { ApplicationStatus, Member, MemberRole, MembershipSummary, ProfileFields } from './member.schema';
import { MemberVersionRepository } from './member-version.repository';

export type MemberRecord = Member & { _id: Types.ObjectId };

/** The `_id` of the decision on one submission of a member's application (see ApplicationDecision). */
function submissionId(memberId: string, submittedAt: Date): string {
  return `${memberId}:${isoDateTime(submittedAt)}`;
}

/**
 * What the repository may do to the members collection without `write`: read. A method that changes
 * members has to go through `write`, which bumps the members version, so none can forget to.
 */
type MemberReads = Pick<Model<Member>, 'find' | 'findOne' | 'findById' | 'countDocuments'>;

/** Filters of the admin member list; every one optional. */
export interface MemberListFilter {
  search?: string;
  role?: MemberRole;
  state?: string;
  tier?: string;
  revenueBand?: string;
  businessModel?: string;
  /** Only members who asked to be deleted (staff act on these). */
  deletionRequested?: boolean;
  /** Page after this member id (ids ascend). */
  after?: string;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * No text indexes on FerretDB: a search is an escaped prefix of the email, the name or the company.
 * The email is stored lower-cased, so its prefix is a bounded range of the email index; name and
 * company prefixes ignore case, so they walk their index's keys instead of the collection.
 */
function searchClauses(search: string): Array<Record<string, RegExp>> {
  const text = search.slice(0, 100);
  return [
    { email: new RegExp(`^${escapeRegex(text.toLowerCase())}`) },
    { name: new RegExp(`^${escapeRegex(text)}`, 'i') },
    { 'profile.company': new RegExp(`^${escapeRegex(text)}`, 'i') },
  ];
}

/**
 * The only code that touches the members collection. Its writes all go through `write`, which bumps
 * the members version once the write is over (see MemberVersionRepository): processes that keep
 * signed-in members in memory notice the change on their next request. Everything else sees the
 * collection as `members`, typed for reads only.
 */
@Injectable()
export class MemberRepository {
  private readonly members: MemberReads;
  /**
   * The one way to change members (and the only holder of the writable model): runs `change` on the
   * collection, then bumps the version, also when the write failed (a write that timed out may still
   * have happened; a needless bump only costs a re-read).
   */
  private readonly write: <R>(change: (members: Model<Member>) => PromiseLike<R>) => Promise<R>;

  constructor(
    @InjectModel(Member.name) model: Model<Member>,
    @InjectModel(ApplicationDecision.name) private readonly decisions: Model<ApplicationDecision>,
    private readonly versions: MemberVersionRepository,
    private readonly waiting: WaitingWorkRepository,
  ) {
    this.members = model;
    this.write = async (change) => {
      try {
        return await change(model);
      } finally {
        await versions.changed();
      }
    };
  }

  /**
   * Tells every process that members changed. For writes made outside this repository (a test or
   * an operator changing records directly in the database) after they have completed.
   */
  noteChanged(): Promise<void> {
    return this.versions.changed();
  }

  async create(
    fields: Pick<Member, 'email' | 'name'> & { role?: MemberRole; pictureUrl?: string | null },
  ): Promise<MemberRecord> {
    const taken = `A member with the email address ${fields.email.trim().toLowerCase()} already exists.`;
    return (await this.write((members) => insertOrConflict(members, fields, taken))) as MemberRecord;
  }

  findByEmail(email: string): Promise<MemberRecord | null> {
    return this.members.findOne({ email: email.trim().toLowerCase() }).lean<MemberRecord>();
  }

  findById(id: string): Promise<MemberRecord | null> {
    const _id = parseObjectId(id);
    return _id ? this.members.findById(_id).lean<MemberRecord>() : Promise.resolve(null);
  }

  /** Several members at once (the directory's listed members: one read for a page, not one per member). */
  findByIds(ids: string[]): Promise<MemberRecord[]> {
    const valid = ids.map(parseObjectId).filter((id) => id !== null);
    return valid.length === 0 ? Promise.resolve([]) : this.members.find({ _id: { $in: valid } }).lean<MemberRecord[]>();
  }

  /** Billing calls this after each membership change; everything else reads it. */
  async setMembership(id: string, membership: MembershipSummary): Promise<void> {
    await this.write((members) => members.updateOne({ _id: id }, { $set: { membership } }));
  }

  /** Keeps the LinkedIn photo current; the name stays as the member edited it. */
  async fillFromLinkedIn(id: string, fields: { pictureUrl: string | null }): Promise<void> {
    await this.write((members) => members.updateOne({ _id: id }, { $set: { pictureUrl: fields.pictureUrl } }));
  }

  async updateProfile(id: string, name: string, profile: ProfileFields): Promise<void> {
    await this.write((members) => members.updateOne({ _id: id }, { $set: { name, profile } }));
  }

  /**
   * Submits (or re-submits after a decline) an application; refused once approved, and for anyone who
   * is not an applicant (members and staff have nothing to apply for).
   */
  async submitApplication(id: string, name: string, profile: ProfileFields): Promise<boolean> {
    const result = await this.write((members) =>
      members.updateOne(
        { _id: id, role: 'applicant', 'application.status': { $in: ['none', 'submitted', 'declined'] } },
        {
          $set: {
            name,
            profile,
            'application.status': 'submitted',
            'application.submittedAt': new Date(),
            'application.declineReason': null,
          },
        },
      ),
    );
    if (result.modifiedCount === 1) {
      await this.waiting.add('application', id);
    }
    return result.modifiedCount === 1;
  }

  /**
   * Decides a submitted application once: the decision's record is inserted first, under an id that
   * names this submission, and only the request whose insert succeeds goes on to change the member.
   * A second decision, at once or later, returns false, and puts the recorded decision on the member
   * if it is not there: on FerretDB an applicant's write made at the same moment can put back the
   * member as it was before the decision (docs/storage.md), and the record then refused every decision.
   */
  async decideApplication(
    id: string,
    decision: { status: 'approved' | 'declined'; by: string; reason: string | null },
  ): Promise<boolean> {
    const submitted = await this.findById(id);
    if (submitted?.application?.status !== 'submitted' || !submitted.application.submittedAt) {
      return false;
    }
    const decisionId = submissionId(id, submitted.application.submittedAt);
    const decided = await insertOnce(this.decisions, {
      _id: decisionId,
      memberId: id,
      ...decision,
      decidedAt: new Date(),
    });
    if (!decided) {
      await this.applyLostDecisions([decisionId]);
      return false;
    }
    return this.applyDecision(decided);
  }

  /**
   * Puts recorded decisions on members still shown as waiting for them (all submitted applications
   * when no ids are given: the worker's admin-home refresh), where an applicant's write made beside
   * the decision put back the member as it was. A decision applies only to the submission it names.
   */
  async applyLostDecisions(decisionIds?: string[]): Promise<void> {
    const ids =
      decisionIds ??
      (await this.members.find({ 'application.status': 'submitted' }, { application: 1 }).lean<MemberRecord[]>())
        .filter((member) => member.application.submittedAt)
        .map((member) => submissionId(String(member._id), member.application.submittedAt!));
    if (ids.length === 0) {
      return;
    }
    const recorded = await this.decisions.find({ _id: { $in: ids } }).lean<ApplicationDecision[]>();
    for (const decision of recorded) {
      await this.applyDecision(decision);
    }
  }

  /** Copies a recorded decision onto its member, if they still wait for that submission's decision. */
  private async applyDecision(decision: ApplicationDecision): Promise<boolean> {
    const set: Record<string, unknown> = {
      'application.status': decision.status,
      'application.decidedAt': decision.decidedAt,
      'application.decidedBy': decision.by,
      'application.declineReason': decision.reason,
    };
    if (decision.status === 'approved') {
      set.role = 'member';
    }
    // The submission a decision is for is named in its id only (`submissionId`).
    const submittedAt = new Date(decision._id.slice(decision.memberId.length + 1));
    const result = await this.write((members) =>
      members.updateOne(
        { _id: decision.memberId, 'application.status': 'submitted', 'application.submittedAt': submittedAt },
        { $set: set },
      ),
    );
    await this.waiting.remove('application', decision.memberId);
    return result.modifiedCount === 1;
  }

  /** How many applications wait for a decision (the worker's admin-home snapshot; never per request). */
  countSubmittedApplications(): Promise<number> {
    return this.members.countDocuments({ 'application.status': 'submitted' });
  }

  /** The ids of applications that wait for a decision (the worker's reconcile of the staff home's live count). */
  async submittedApplicationIds(): Promise<string[]> {
    const rows = await this.members.find({ 'application.status': 'submitted' }, { _id: 1 }).lean();
    return rows.map((row) => String(row._id));
  }

  /** How many members asked for their data to be erased (the worker's admin-home snapshot). */
  countDeletionRequests(): Promise<number> {
    return this.members.countDocuments({ deletionRequestedAt: { $ne: null } });
  }

  /**
   * One page of staff's applications in one status (the plan's keyset range and order), optionally
   * those whose name or email starts with `search`.
   */
  listApplications(
    filter: { status: ApplicationStatus; search?: string },
    keyset: KeysetPlan,
  ): Promise<MemberRecord[]> {
    const plan = objectIdKeyset(keyset);
    const query: Record<string, unknown> = { 'application.status': filter.status };
    if (filter.search) {
      query.$or = searchClauses(filter.search).slice(0, 2);
    }
    return this.members
      .find((plan.range ? { $and: [query, plan.range] } : query) as QueryFilter<Member>)
      .sort(plan.sort)
      .limit(plan.limit)
      .lean<MemberRecord[]>();
  }

  /**
   * One page of staff's member list: the filters AND the plan's keyset range on `_id`, at most
   * `plan.limit` rows (an indexed range, never skip or count; see `keysetPlan`).
   */
  listPage(filter: Omit<MemberListFilter, 'after'>, keyset: KeysetPlan): Promise<MemberRecord[]> {
    const plan = objectIdKeyset(keyset);
    const query = this.toQuery(filter);
    return this.members
      .find((plan.range ? { $and: [query, plan.range] } : query) as QueryFilter<Member>)
      .sort(plan.sort)
      .limit(plan.limit)
      .lean<MemberRecord[]>();
  }

  /** One page by ascending id after `filter.after` (the audience and the directory walk members so). */
  list(filter: MemberListFilter, limit: number): Promise<MemberRecord[]> {
    return this.members.find(this.toQuery(filter)).sort({ _id: 1 }).limit(limit).lean<MemberRecord[]>();
  }

  /** Every member matching the filter, streamed (CSV export). */
  cursor(filter: MemberListFilter) {
    return this.members
      .find(this.toQuery({ ...filter, after: undefined }))
      .sort({ _id: 1 })
      .lean<MemberRecord>()
      .cursor();
  }

  /**
   * Every member in these membership states, streamed in no particular order (distribution's audience:
   * one cursor, never the whole membership in memory). No sort, because FerretDB v1 sorts in memory:
   * an `_id` order makes it read and hold every member before the first one arrives (41.7 s and 610 MB
   * at 50,000 members on a loaded machine, against 0.9 s and no growth without), and one cursor for all
   * the states, because it reads the whole table for each (`membership.state` is not pushed down to
   * PostgreSQL). On MongoDB `{ membership.state, _id }` serves it.
   */
  streamInStates(states: readonly string[]): AsyncIterable<MemberRecord> {
    return this.members
      .find({ 'membership.state': { $in: [...states] } })
      .lean<MemberRecord>()
      .cursor({ batchSize: 1000 });
  }

  async requestDeletion(id: string): Promise<void> {
    await this.write((members) =>
      members.updateOne({ _id: id, deletionRequestedAt: null }, { $set: { deletionRequestedAt: new Date() } }),
    );
  }

  /** The member changed their mind before staff erased them: the request is gone. */
  async withdrawDeletionRequest(id: string): Promise<void> {
    await this.write((members) => members.updateOne({ _id: id }, { $set: { deletionRequestedAt: null } }));
  }

  /**
   * Erasure, the last step: the member record (name, address, profile, role) goes. True when this call
   * deleted it, so a second confirmation tells "already erased".
   */
  async eraseMember(id: string): Promise<boolean> {
    const result = await this.write((members) => members.deleteOne({ _id: id }));
    return result.deletedCount === 1;
  }

  private toQuery(filter: MemberListFilter): QueryFilter<Member> {
    const query: Record<string, unknown> = {};
    if (filter.role) {
      query.role = filter.role;
    }
    if (filter.state) {
      query['membership.state'] = filter.state;
    }
    if (filter.tier) {
      query['membership.tier'] = filter.tier;
    }
    if (filter.revenueBand) {
      query['profile.revenueBand'] = filter.revenueBand;
    }
    if (filter.businessModel) {
      query['profile.businessModel'] = filter.businessModel;
    }
    if (filter.deletionRequested) {
      query.deletionRequestedAt = { $ne: null };
    }
    const after = parseObjectId(filter.after);
    if (after) {
      query._id = { $gt: after };
    }
    if (filter.search) {
      query.$or = searchClauses(filter.search);
    }
    return query as QueryFilter<Member>;
  }
}
