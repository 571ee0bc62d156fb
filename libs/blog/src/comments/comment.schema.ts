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
  /** Set once the notifications for this comment went out (at approval for held comments). */
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

/** Who may not comment, and the blog's comment settings, in one small collection. */
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
