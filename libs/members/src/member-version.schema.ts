import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The one document of `member_versions`: its `_id`. */
export const MEMBERS_VERSION_ID = 'members';

/**
 * A value that changes whenever any member record changes, so a process that keeps members in
 * memory (the signed-in member of each request, see auth's SignedInMembers) can tell with one cheap
 * read whether what it holds may be stale. One document in a collection of its own: FerretDB v1
 * scans a collection even for an `_id` lookup, so this read costs what a one-document scan costs,
 * never what a scan of 20,000 members costs. The value is a fresh random string set by `$set` on
 * every change (never `$inc`: FerretDB loses concurrent increments, and two writers setting the same
 * counter value would leave a stale cache unnoticed).
 */
@Schema({ collection: 'member_versions', versionKey: false })
export class MemberVersion {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  value: string;
}

export const MemberVersionSchema = SchemaFactory.createForClass(MemberVersion);
