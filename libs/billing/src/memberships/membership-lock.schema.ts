import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Who is changing a membership right now. Its `_id` is the member id, so the database's unique `_id`
 * admits one holder at a time: a duplicate insert fails on FerretDB v1 as on MongoDB, while
 * concurrent guarded updates there all win (measured: 29 of 30 races had several winners).
 */
@Schema({ collection: 'membership_locks', versionKey: false })
export class MembershipLock {
  @Prop({ type: String }) _id: string;
  @Prop({ required: true }) holder: string;
  /** A crashed holder's lock is taken over after this (no TTL indexes on FerretDB). */
  @Prop({ type: Date, required: true }) expiresAt: Date;
}
export const MembershipLockSchema = SchemaFactory.createForClass(MembershipLock);
