import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { BatchRecipient } from '@roundtable/jobs';

/**
 * A send batch's recipients, kept beside its job rather than in it (`SendBatchPayload.recipientsId`).
 * FerretDB v1 answers a claim's `find` on `jobs` (a range on `runAt`, sorted) by reading and decoding
 * every document of the collection, and writes a claimed job back whole: with 250 recipients (~25 KB)
 * in each queued batch, every idle lane's look and every claim paid for all of them. Here they are
 * read once per batch by `_id` (an indexed equality on FerretDB/PostgreSQL, docs/storage.md) and
 * removed when the batch has sent them all.
 */
@Schema({ collection: 'send_batch_recipients', versionKey: false })
export class SendBatchRecipients {
  /** `<batch job id>:<ObjectId>`: new for every queueing, so a page queued again never overwrites one a job names. */
  @Prop({ type: String }) _id: string;
  @Prop({ type: [MongooseSchema.Types.Mixed], required: true }) recipients: BatchRecipient[];
  @Prop({ type: Date, default: () => new Date() }) at: Date;
}
export const SendBatchRecipientsSchema = SchemaFactory.createForClass(SendBatchRecipients);
// No secondary index: read and removed by `_id` only.
