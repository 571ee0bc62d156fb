import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The version of what public pages show, shared by every API and worker process: a write that changes
 * a public page sets a new random version, and each process compares it with the version its cached
 * pages were rendered under. One tiny document read by `_id` (no index beyond `_id`).
 */
@Schema({ collection: 'page_versions', versionKey: false })
export class PageVersion {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  version: string;

  @Prop({ required: true })
  changedAt: Date;
}

export const PageVersionSchema = SchemaFactory.createForClass(PageVersion);
