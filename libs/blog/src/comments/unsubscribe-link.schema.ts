import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const UNSUBSCRIBE_KINDS = ['post', 'comment'] as const;
export type UnsubscribeKind = (typeof UNSUBSCRIBE_KINDS)[number];

/**
 * An unsubscribe link sent in a comment email: `post` stops the post's author's comment emails,
 * `comment` stops reply emails to that comment. `_id` is the SHA-256 hex of the link's token
 * (`hashToken`): the token itself is only in the email, so opening a link is one `_id` read and a
 * leaked database holds no working link. Each email gets a link of its own.
 */
@Schema({ collection: 'blog_unsubscribe_links', timestamps: { createdAt: true, updatedAt: false } })
export class BlogUnsubscribeLink {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ type: String, enum: UNSUBSCRIBE_KINDS, required: true }) kind: UnsubscribeKind;
  /** The post's or the comment's id. */
  @Prop({ type: String, required: true }) targetId: string;
}

export const BlogUnsubscribeLinkSchema = SchemaFactory.createForClass(BlogUnsubscribeLink);
// No other index: the only query is by `_id`.
