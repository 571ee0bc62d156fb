import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/** A person known to the council: applicant, member or staff. */
@Schema({ collection: 'members', timestamps: true })
export class Member {
  /** Lower-cased; one member per address. */
  @Prop({ required: true, lowercase: true, trim: true })
  email: string;

  @Prop({ required: true, trim: true })
  name: string;

  createdAt: Date;
  updatedAt: Date;
}

export type MemberDocument = HydratedDocument<Member>;
export const MemberSchema = SchemaFactory.createForClass(Member);

// findByEmail (sign-in by email link, applications): one member per address.
MemberSchema.index({ email: 1 }, { unique: true });
