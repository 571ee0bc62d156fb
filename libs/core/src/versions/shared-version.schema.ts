import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One named version (`_id`: `members`, `sessions`): a value that changes whenever the records it
 * stands for change, so a process that keeps those records in memory (the signed-in member and the
 * session of each request, see auth's SignedInMembers and CachedSessionStore) can tell whether what it
 * holds may be stale. All of them live in one tiny collection, so one read (`find({})`) answers every
 * check a request makes: FerretDB v1 scans a collection even for an `_id` lookup, so this read costs
 * what a scan of a few documents costs, never what a scan of 20,000 members or sessions costs. The
 * value is a fresh random string set by `$set` on every change (never `$inc`: FerretDB loses
 * concurrent increments, and two writers setting the same counter value would leave a stale cache
 * unnoticed).
 */
@Schema({ collection: 'shared_versions', versionKey: false })
export class SharedVersion {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  value: string;
}

export const SharedVersionSchema = SchemaFactory.createForClass(SharedVersion);
