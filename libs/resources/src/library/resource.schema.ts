import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { DOCUMENT_KINDS, type DocumentKind } from '../files/document-type';

/**
 * A document of the resource library. Its bytes live in GridFS (bucket `resource_files`, file id
 * `fileId`); this record is what pages list. `tiers` are the tier slugs whose members may download.
 */
@Schema({ collection: 'resources', timestamps: true })
export class Resource {
  @Prop({ required: true, trim: true }) title: string;
  @Prop({ required: true, trim: true }) summary: string;
  @Prop({ required: true, trim: true }) category: string;
  @Prop({ type: [String], default: [] }) tiers: string[];
  @Prop({ type: Types.ObjectId, required: true }) fileId: Types.ObjectId;
  /** The uploaded name (checked to be a plain name), offered again on download. */
  @Prop({ required: true }) fileName: string;
  @Prop({ type: String, enum: DOCUMENT_KINDS, required: true }) kind: DocumentKind;
  @Prop({ required: true }) contentType: string;
  @Prop({ required: true }) size: number;
  /** sha256 hex of the bytes, so staff (and tests) can tell a download is the file uploaded. */
  @Prop({ required: true }) sha256: string;
  @Prop({ required: true }) uploadedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const ResourceSchema = SchemaFactory.createForClass(Resource);
// The library page lists every resource by category, then title (tens of documents, read whole).
ResourceSchema.index({ category: 1, title: 1 });
