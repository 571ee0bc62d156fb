import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const COMMENT_STATUSES = ['pending', 'approved', 'hidden', 'spam'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** A comment, or a reply to one (one level): text with a small Markdown subset, rendered when saved. */
@Schema({ collection: 'comments', timestamps: true })
export class Comment {
  @Prop({ required: true }) postId: string;
  @Prop({ type: String, default: null }) parentId: string | null;
  @Prop({ type: String, default: null }) memberId: string | null;
  @Prop({ required: true }) authorName: string;
  /** Guests' address (never shown); members' comes from their record. */
  @Prop({ type: String, default: null }) guestEmail: string | null;
  /** As typed (emails and the moderation page show it). */
  @Prop({ required: true }) body: string;
  /** `body` rendered (comment-markdown.ts) and sanitised when saved; null on comments saved before Markdown. */
  @Prop({ type: String, default: null }) bodyHtml: string | null;
  @Prop({ type: String, enum: COMMENT_STATUSES, default: 'approved' }) status: CommentStatus;
  /** Email me when someone replies. */
  @Prop({ default: true }) notifyReplies: boolean;
  /**
   * Only on comments saved before unsubscribe links were hashed: the start-up backfill moves it into
   * blog_unsubscribe_links (by hash) and removes it. New comments never have one.
   */
  @Prop({ type: String }) unsubscribeToken?: string;
  /**
   * Only read: true on comments notified before claims lived in blog_comment_notifications (a claim
   * written here could put back a status a moderator had just set, docs/storage.md).
   */
  @Prop({ default: false }) notified: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const CommentSchema = SchemaFactory.createForClass(Comment);
// A post's comments in order.
CommentSchema.index({ postId: 1, createdAt: 1 });
// Staff's moderation list by status, keyset-paged both ways on (createdAt, _id): the waiting queue
// oldest first, the others newest first; also the admin home's count of waiting comments.
CommentSchema.index({ status: 1, createdAt: 1, _id: 1 });
// Staff's comment digest: the comments written since the last one.
CommentSchema.index({ createdAt: 1 });
// A guest's earlier approved comments (first comments wait for approval).
CommentSchema.index({ guestEmail: 1, status: 1 });

/**
 * The blog's comment settings: one document, made on first need by a unique insert. Bans live in
 * blog_bans, one document each: FerretDB v1 applies an update by reading the document and writing it
 * back whole, so a ban and a settings change made at the same moment on one document lost one of the
 * two (docs/storage.md). `bannedMemberIds`/`bannedEmails` are only read: bans made before blog_bans.
 */
@Schema({ collection: 'blog_settings' })
export class BlogSetting {
  @Prop({ required: true }) key: string;
  @Prop({ type: Boolean, default: false }) guestComments: boolean;
  @Prop({ type: [String], default: [] }) bannedMemberIds: string[];
  @Prop({ type: [String], default: [] }) bannedEmails: string[];
}
export const BlogSettingSchema = SchemaFactory.createForClass(BlogSetting);
// The single settings document, by key.
BlogSettingSchema.index({ key: 1 }, { unique: true });

export const BAN_KINDS = ['member', 'email'] as const;
export type BanKind = (typeof BAN_KINDS)[number];

/**
 * One writer who may no longer comment: a member (by id) or a guest (by address). `_id` is
 * `kind:value`, so banning twice, or from two tabs at once, stores one ban (a unique insert).
 */
@Schema({ collection: 'blog_bans', timestamps: { createdAt: true, updatedAt: false } })
export class BlogBan {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ type: String, enum: BAN_KINDS, required: true }) kind: BanKind;
  @Prop({ type: String, required: true }) value: string;
}
export const BlogBanSchema = SchemaFactory.createForClass(BlogBan);
// No other index: the bans are read whole (a handful), and written by `_id`.

/**
 * The claim that an approved comment's emails went out: `_id` is the comment's id, so of several
 * approvals at once exactly one inserts it and sends (a unique insert). A document of its own, so the
 * claim never writes the comment, whose status a moderator may be changing at that moment.
 */
@Schema({ collection: 'blog_comment_notifications', timestamps: { createdAt: true, updatedAt: false } })
export class CommentNotification {
  @Prop({ type: String, required: true }) _id: string;
}
export const CommentNotificationSchema = SchemaFactory.createForClass(CommentNotification);
