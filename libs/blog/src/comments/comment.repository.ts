import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, Model, Types } from 'mongoose';
import { insertOnce, type KeysetPlan, objectIdKeyset, PageCache } from '@roundtable/core';
import { WaitingWorkRepository } from '@roundtable/counters';
import { BanKind, BlogBan, BlogSetting, Comment, CommentNotification, CommentStatus } from './comment.schema';

/** What an erased member's comments are signed with. */
export const FORMER_MEMBER = 'A former member';

export type CommentRecord = Comment & { _id: Types.ObjectId };
const SETTINGS_KEY = 'comments';

/**
 * The only code that touches the comments, blog_comment_notifications, blog_settings and blog_bans
 * collections. Every write that public pages show (a comment, its status or text, the guest-comment
 * setting) invalidates them.
 */
@Injectable()
export class CommentRepository {
  constructor(
    @InjectModel(Comment.name) private readonly comments: Model<Comment>,
    @InjectModel(BlogSetting.name) private readonly settings: Model<BlogSetting>,
    @InjectModel(BlogBan.name) private readonly bans: Model<BlogBan>,
    @InjectModel(CommentNotification.name) private readonly notifications: Model<CommentNotification>,
    private readonly pageCache: PageCache,
    private readonly waiting: WaitingWorkRepository,
  ) {}

  async create(fields: Partial<Comment>): Promise<CommentRecord> {
    const comment = (await this.comments.create(fields)).toObject() as CommentRecord;
    await this.pageCache.invalidate();
    if (comment.status === 'pending') {
      await this.waiting.add('comment', String(comment._id));
    }
    return comment;
  }

  findById(id: string): Promise<CommentRecord | null> {
    return isValidObjectId(id) ? this.comments.findById(id).lean<CommentRecord>() : Promise.resolve(null);
  }

  /**
   * A post's approved comments, plus the viewer's own pending ones. The query is the post id alone
   * and the rest is chosen here: FerretDB pushes a plain equality into PostgreSQL, and an `$or` beside
   * it cost more (measured at 5,000 comments: ~50 ms with the `$or`, ~33 ms without).
   */
  async listForPost(postId: string, viewer: { memberId?: string } = {}): Promise<CommentRecord[]> {
    const comments = await this.comments.find({ postId }).sort({ createdAt: 1 }).limit(2000).lean<CommentRecord[]>();
    return comments
      .filter(
        (comment) =>
          comment.status === 'approved' ||
          (comment.status === 'pending' && viewer.memberId !== undefined && comment.memberId === viewer.memberId),
      )
      .slice(0, 1000);
  }

  /** Comments written after `after` up to `until`, oldest first (the staff digest's window). */
  listWrittenBetween(after: Date, until: Date, limit: number) {
    return this.comments
      .find({ createdAt: { $gt: after, $lte: until } })
      .sort({ createdAt: 1 })
      .limit(limit)
      .lean<CommentRecord[]>();
  }

  /** How many comments are in one state (the worker's admin-home snapshot; never per request). */
  countByStatus(status: CommentStatus): Promise<number> {
    return this.comments.countDocuments({ status });
  }

  /** One page of staff's moderation list: comments in one state, in the plan's keyset range and order. */
  /** The ids of comments with a status (the worker's reconcile of the staff home's live count). */
  async idsByStatus(status: CommentStatus): Promise<string[]> {
    const rows = await this.comments.find({ status }, { _id: 1 }).lean();
    return rows.map((row) => String(row._id));
  }

  listPageByStatus(status: CommentStatus, keyset: KeysetPlan): Promise<CommentRecord[]> {
    const plan = objectIdKeyset(keyset);
    const query = { status };
    return this.comments
      .find(plan.range ? { $and: [query, plan.range] } : query)
      .sort(plan.sort)
      .limit(plan.limit)
      .lean<CommentRecord[]>();
  }

  /** Comments in one state: oldest first for the queue, or newest first for recent ones. */
  listByStatus(status: CommentStatus, limit = 100, order: 1 | -1 = 1) {
    return this.comments.find({ status }).sort({ createdAt: order }).limit(limit).lean<CommentRecord[]>();
  }

  async hasApprovedFromGuest(email: string): Promise<boolean> {
    return Boolean(await this.comments.exists({ guestEmail: email, status: 'approved' }));
  }

  async setStatus(id: string, status: CommentStatus): Promise<CommentRecord | null> {
    await this.comments.updateOne({ _id: id }, { $set: { status } });
    await this.pageCache.invalidate();
    await (status === 'pending' ? this.waiting.add('comment', id) : this.waiting.remove('comment', id));
    return this.findById(id);
  }

  /**
   * Claims an approved comment's notifications, once: true for the one caller whose insert of the
   * claim wins, false for every other, and for a comment not approved or notified before claims had
   * their own documents. The comment itself is not written (see CommentNotification).
   */
  async claimNotification(id: Types.ObjectId): Promise<boolean> {
    const comment = await this.comments
      .findById(id, { status: 1, notified: 1 })
      .lean<Pick<Comment, 'status' | 'notified'>>();
    if (comment?.status !== 'approved' || comment.notified) {
      return false;
    }
    return (await insertOnce(this.notifications, { _id: String(id) })) !== null;
  }

  async updateBody(id: string, body: string, bodyHtml: string): Promise<void> {
    await this.comments.updateOne({ _id: id }, { $set: { body, bodyHtml } });
    await this.pageCache.invalidate();
  }

  async delete(id: string): Promise<void> {
    await this.comments.deleteOne({ _id: id });
    await this.notifications.deleteOne({ _id: id });
    await this.pageCache.invalidate();
    await this.waiting.remove('comment', id);
  }

  /**
   * Erasure: the member's comments stay (replies hang off them) but name "a former member" and keep no
   * link to the person or address for reply notices.
   */
  async eraseMember(memberId: string): Promise<void> {
    await this.comments.updateMany(
      { memberId },
      { $set: { memberId: null, authorName: FORMER_MEMBER, guestEmail: null, notifyReplies: false } },
    );
    await this.pageCache.invalidate();
  }

  /** Comments still holding a raw unsubscribe token from before links were hashed (the start-up backfill). */
  findWithRawUnsubscribeToken(limit: number): Promise<Array<{ _id: Types.ObjectId; unsubscribeToken: string }>> {
    return this.comments
      .find({ unsubscribeToken: { $type: 'string' } }, { unsubscribeToken: 1 })
      .limit(limit)
      .lean<Array<{ _id: Types.ObjectId; unsubscribeToken: string }>>();
  }

  async clearRawUnsubscribeToken(id: string): Promise<void> {
    await this.comments.updateOne({ _id: id }, { $unset: { unsubscribeToken: 1 } });
  }

  async getSettings(): Promise<BlogSetting> {
    // Read first: the insert (a write) happens once, not on every page view.
    const [found, bans] = await Promise.all([
      this.settings.findOne({ key: SETTINGS_KEY }).lean<Partial<BlogSetting>>(),
      this.bans.find({}, { kind: 1, value: 1 }).lean<Array<Pick<BlogBan, 'kind' | 'value'>>>(),
    ]);
    let stored = found;
    if (!stored) {
      await this.ensureSettings();
      stored = await this.settings.findOne({ key: SETTINGS_KEY }).lean<Partial<BlogSetting>>();
    }
    const banned = (kind: BanKind, older: string[] | undefined) => [
      ...new Set([...(older ?? []), ...bans.filter((ban) => ban.kind === kind).map((ban) => ban.value)]),
    ];
    return {
      key: SETTINGS_KEY,
      guestComments: stored?.guestComments ?? false,
      bannedMemberIds: banned('member', stored?.bannedMemberIds),
      bannedEmails: banned('email', stored?.bannedEmails),
    };
  }

  /**
   * The one settings document, inserted on first need by a unique insert: racing first views (two
   * tabs, two processes) each tried an upsert, and all but one failed with a duplicate key (a 500).
   */
  private async ensureSettings(): Promise<void> {
    await insertOnce(this.settings, { key: SETTINGS_KEY });
  }

  async setGuestComments(enabled: boolean): Promise<void> {
    await this.ensureSettings();
    await this.settings.updateOne({ key: SETTINGS_KEY }, { $set: { guestComments: enabled } });
    await this.pageCache.invalidate();
  }

  /** Each ban is its own document (see BlogBan): concurrent bans and settings changes all stay. */
  async ban(who: { memberId?: string | null; email?: string | null }): Promise<void> {
    const bans: Array<{ kind: BanKind; value: string }> = [];
    if (who.memberId) {
      bans.push({ kind: 'member', value: who.memberId });
    }
    if (who.email) {
      bans.push({ kind: 'email', value: who.email });
    }
    await Promise.all(bans.map((ban) => insertOnce(this.bans, { _id: `${ban.kind}:${ban.value}`, ...ban })));
  }
}
