import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const DIGEST_FREQUENCIES = ['hourly', 'daily'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/**
 * A staff member's choice to get new comments by email as a digest, at most hourly or daily
 * (no document: no digest). `_id` is the member's id, so the choice is one `_id` write and the
 * hourly job reads this small collection whole.
 */
@Schema({ collection: 'comment_digests', timestamps: true })
export class CommentDigest {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ type: String, enum: DIGEST_FREQUENCIES, required: true }) frequency: DigestFrequency;
  /** The end of the window the last digest covered: the next one lists comments written after it. */
  @Prop({ type: Date, required: true }) coveredUntil: Date;
}

export const CommentDigestSchema = SchemaFactory.createForClass(CommentDigest);
