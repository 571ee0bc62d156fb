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

/**
 * Downloads of one resource by members of one tier, counted by one process. Each process writes
 * only its own documents, one write at a time (FerretDB v1 loses concurrent `$inc`s on one
 * document); readers sum the processes.
 */
@Schema({ collection: 'resource_download_counts', versionKey: false })
export class ResourceDownloadCount {
  /** `<resourceId>:<tier>:<process>`. */
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true }) resourceId: string;
  @Prop({ required: true }) tier: string;
  @Prop({ required: true }) process: string;
  @Prop({ required: true, default: 0 }) count: number;
}

export const ResourceDownloadCountSchema = SchemaFactory.createForClass(ResourceDownloadCount);
// Removing a deleted resource's counts.
ResourceDownloadCountSchema.index({ resourceId: 1 });
