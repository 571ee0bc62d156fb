import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { LinkedInIdentity } from './linkedin-identity.schema';

/** The LinkedIn identities' part of erasure (sign-in reads them in LinkedInSignInService). */
@Injectable()
export class LinkedInIdentityRepository {
  constructor(@InjectModel(LinkedInIdentity.name) private readonly identities: Model<LinkedInIdentity>) {}

  /** Erasure: the member's LinkedIn subject goes, so that account signs in as a stranger afterwards. */
  async eraseMember(memberId: string): Promise<void> {
    await this.identities.deleteMany({ memberId });
  }
}
