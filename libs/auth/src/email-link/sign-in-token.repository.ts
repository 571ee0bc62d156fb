import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertOnce } from '@roundtable/core';
import { SignInToken, SignInTokenUse } from './sign-in-token.schema';

/** How long a used or expired link is kept, to tell the person why it no longer works. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/** The only code that touches the email sign-in links and their uses. */
@Injectable()
export class SignInTokenRepository {
  constructor(
    @InjectModel(SignInToken.name) private readonly tokens: Model<SignInToken>,
    @InjectModel(SignInTokenUse.name) private readonly uses: Model<SignInTokenUse>,
  ) {}

  /** Erasure: the address's links go (their uses hold only a hash and a time, and age out). */
  async eraseEmail(email: string): Promise<void> {
    await this.tokens.deleteMany({ email: email.trim().toLowerCase() });
  }

  async create(fields: SignInToken): Promise<void> {
    await this.tokens.create(fields);
  }

  findByHash(tokenHash: string): Promise<SignInToken | null> {
    return this.tokens.findOne({ tokenHash }).lean<SignInToken>();
  }

  /** The address's links that have not expired (a code is checked against each; a handful at most). */
  findUnexpiredFor(email: string): Promise<SignInToken[]> {
    return this.tokens
      .find({ email, expiresAt: { $gt: new Date() } })
      .limit(20)
      .lean<SignInToken[]>();
  }

  async isUsed(tokenHash: string): Promise<boolean> {
    return (await this.uses.exists({ _id: tokenHash })) !== null;
  }

  /** Records the link's use; true for exactly one caller, false once it has been used. */
  async claim(tokenHash: string): Promise<boolean> {
    return (await insertOnce(this.uses, { _id: tokenHash, usedAt: new Date() })) !== null;
  }

  /** Forgets links and uses older than a day (no TTL indexes on FerretDB). */
  async deleteOld(): Promise<void> {
    const before = new Date(Date.now() - KEEP_MS);
    await this.tokens.deleteMany({ expiresAt: { $lt: before } });
    await this.uses.deleteMany({ usedAt: { $lt: before } });
  }
}
