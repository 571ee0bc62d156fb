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

  /** The hash of the six-digit code mailed with the link (see token.ts). */
  @Prop({ type: String, default: null })
  codeHash: string | null;

  /** Same-site path to land on after sign-in. */
  @Prop({ type: String, default: null })
  returnTo: string | null;
}

export const SignInTokenSchema = SchemaFactory.createForClass(SignInToken);
// Consuming a link: find it by the hash of its token.
SignInTokenSchema.index({ tokenHash: 1 }, { unique: true });
// Clean-up of expired links (no TTL indexes on FerretDB).
SignInTokenSchema.index({ expiresAt: 1 });
// Sign-in by code: the address's links that have not expired yet.
SignInTokenSchema.index({ email: 1, expiresAt: 1 });

/**
 * The use of a link: its `_id` is the token's hash, so the database's unique `_id` lets exactly one
 * request use a link, even two confirmations at the same instant. (A guarded `findOneAndUpdate` on
 * `usedAt: null` does this on MongoDB, but FerretDB v1 on SQLite lets concurrent guarded updates all
 * win; a duplicate insert fails on both.)
 */
@Schema({ collection: 'sign_in_token_uses', versionKey: false })
export class SignInTokenUse {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  usedAt: Date;
}

export const SignInTokenUseSchema = SchemaFactory.createForClass(SignInTokenUse);
// Clean-up of old uses, with the expired links (no TTL indexes on FerretDB).
SignInTokenUseSchema.index({ usedAt: 1 });
