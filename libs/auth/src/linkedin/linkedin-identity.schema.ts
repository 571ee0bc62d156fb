import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Links one LinkedIn subject to one member. */
@Schema({ collection: 'linkedin_identities', timestamps: true })
export class LinkedInIdentity {
  @Prop({ required: true })
  subject: string;

  @Prop({ required: true })
  memberId: string;
}

export const LinkedInIdentitySchema = SchemaFactory.createForClass(LinkedInIdentity);
// Sign-in: find the member of a LinkedIn subject; one member per subject.
LinkedInIdentitySchema.index({ subject: 1 }, { unique: true });
// One LinkedIn account per member.
LinkedInIdentitySchema.index({ memberId: 1 }, { unique: true });
