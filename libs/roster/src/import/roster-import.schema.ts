import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/**
 * An uploaded roster CSV between its preview and staff's confirm: the records as read (not the plan,
 * which is made again against the roster as it is at confirm). Removed when confirmed, or after a day unconfirmed (ImportExpiry); `_id` is a
 * random id, so a preview's address cannot be guessed.
 */
@Schema({ collection: 'roster_imports', versionKey: false })
export class RosterImport {
  @Prop({ type: String }) _id: string;
  @Prop({ required: true }) filename: string;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) records: { line: number; cells: string[] }[];
  @Prop({ type: Date, required: true }) uploadedAt: Date;
  @Prop({ required: true }) uploadedBy: string;
}
export const RosterImportSchema = SchemaFactory.createForClass(RosterImport);
// A preview is read by `_id` from its address; the expiry job removes those uploaded before a cutoff.
RosterImportSchema.index({ uploadedAt: 1 });
