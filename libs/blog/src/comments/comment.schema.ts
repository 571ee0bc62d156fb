import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const COMMENT_STATUSES = ['pending', 'approved', 'hidden', 'spam'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** A comment, or a reply to one (one level). Plain text, escaped when shown. */
@Schema({ collection: 'comments', timestamps: true })
export class Comment {
  @Prop({ required: true }) postId: string;
  @Prop({ type: String, default: null }) parentId: string | null;
  @Prop({ type: String, default: null }) memberId: string | null;
  @Prop({ required: true }) authorName: string;
  /** Guests' address (never shown); members' comes from their record. */
  @Prop({ type: String, default: null }) guestEmail: string | null;
  @Prop({ required: true }) body: string;
  @Prop({ type: String, enum: COMMENT_STATUSES, default: 'approved' }) status: CommentStatus;
  /** Email me when someone replies. */
  @Prop({ default: true }) notifyReplies: boolean;
  @Prop({ required: true }) unsubscribeToken: string;
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
// Unsubscribe links.
CommentSchema.index({ unsubscribeToken: 1 });

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
