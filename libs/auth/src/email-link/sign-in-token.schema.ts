import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A one-time email sign-in link. Only the SHA-256 of its token is stored. */
@Schema({ collection: 'sign_in_tokens', timestamps: { createdAt: true, updatedAt: false } })
export class SignInToken {
  @Prop({ required: true })
  tokenHash: string;

  @Prop({ required: true, lowercase: true, trim: true })
  email: string;

  @Prop({ required: true })
  expiresAt: Date;

  @Prop({ type: Date, default: null })
  usedAt: Date | null;

  /** Same-site path to land on after sign-in. */
  @Prop({ type: String, default: null })
  returnTo: string | null;
}

export const SignInTokenSchema = SchemaFactory.createForClass(SignInToken);
// Consuming a link: find it by the hash of its token.
SignInTokenSchema.index({ tokenHash: 1 }, { unique: true });
// Clean-up of expired links (no TTL indexes on FerretDB).
SignInTokenSchema.index({ expiresAt: 1 });
