import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A member's place in the members' directory: the document exists only while the member opts in,
 * keyed by the member's id, and names the fields they show. The directory reads this small
 * collection whole (opted-in members only), so no one else can appear in it.
 */
@Schema({ collection: 'directory_listings', versionKey: false })
export class DirectoryListing {
  /** The member's id. */
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ type: [String], default: [] }) fields: string[];
  @Prop({ type: Date, required: true }) updatedAt: Date;
}

export const DirectoryListingSchema = SchemaFactory.createForClass(DirectoryListing);
