import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertOnce } from '@roundtable/core';
import { LinkedInIdentity } from './linkedin-identity.schema';

/**
 * The LinkedIn accounts linked to members, one to one: the unique indexes on `subject` and on
 * `memberId` make a second link of either refused, which sign-in explains.
 */
@Injectable()
export class LinkedInIdentityRepository {
  constructor(@InjectModel(LinkedInIdentity.name) private readonly identities: Model<LinkedInIdentity>) {}

  /** The member a LinkedIn account is linked to, if any. */
  async findBySubject(subject: string): Promise<LinkedInIdentity | null> {
    return this.identities.findOne({ subject }).lean<LinkedInIdentity>();
  }

  /** Links a LinkedIn account to a member; false when either is linked already (to another). */
  async link(subject: string, memberId: string): Promise<boolean> {
    return (await insertOnce(this.identities, { subject, memberId })) !== null;
  }

  /** Forgets a link whose member is gone, so the account can be linked again. */
  async unlink(subject: string): Promise<void> {
    await this.identities.deleteOne({ subject });
  }

  /** Erasure: the member's LinkedIn subject goes, so that account signs in as a stranger afterwards. */
  async eraseMember(memberId: string): Promise<void> {
    await this.identities.deleteMany({ memberId });
  }
}
