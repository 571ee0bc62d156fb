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

/**
 * Someone followed an unsubscribe link: no more emails of `kind` about `targetId`. `_id` is
 * `<kind>:<targetId>`, so following links twice stores one stop (a unique insert). A document of its
 * own, not a flag on the post or comment: FerretDB writes a document back whole on every update, so
 * staff saving a post at that moment put the flag back (docs/storage.md). `notifyAuthor` and
 * `notifyReplies` stay as the writer chose them, and false ones from before are still honoured.
 */
@Schema({ collection: 'blog_unsubscribes', timestamps: { createdAt: true, updatedAt: false } })
export class BlogUnsubscribe {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ type: String, enum: UNSUBSCRIBE_KINDS, required: true }) kind: UnsubscribeKind;
  @Prop({ type: String, required: true }) targetId: string;
}

export const BlogUnsubscribeSchema = SchemaFactory.createForClass(BlogUnsubscribe);
// No other index: read by `_id` only.
