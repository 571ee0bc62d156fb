import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

export interface ReferenceCompany {
  name: string;
  /** The company's id when the list gives one (it matches a tenure's company id). */
  id: string | null;
  /** What it is matched by: the id, else the normalised name (names.ts). */
  key: string;
}

/**
 * A list of companies on a date that the census measures coverage against ("Fortune 500, 2010"),
 * uploaded by staff. Few and small (hundreds of companies each), read whole.
 */
@Schema({ collection: 'roster_reference_lists', versionKey: false })
export class ReferenceList {
  @Prop({ required: true, trim: true }) name: string;
  @Prop({ required: true }) date: string;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) companies: ReferenceCompany[];
  @Prop({ type: Date, required: true }) uploadedAt: Date;
}
export const ReferenceListSchema = SchemaFactory.createForClass(ReferenceList);
// One list per name: a new upload of "Fortune 500, 2010" replaces the old one.
ReferenceListSchema.index({ name: 1 }, { unique: true });
