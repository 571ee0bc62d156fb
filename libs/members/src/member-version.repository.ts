import { randomBytes } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertNew, isDuplicateKeyError } from '@roundtable/core';
import { MEMBERS_VERSION_ID, MemberVersion } from './member-version.schema';

/**
 * The only code that touches `member_versions` (see MemberVersion). MemberRepository calls
 * `changed()` after every write to the members collection, after the write has completed, so
 * anyone who reads the new value afterwards and then reads a member sees that write.
 */
@Injectable()
export class MemberVersionRepository implements OnModuleInit {
  constructor(@InjectModel(MemberVersion.name) private readonly versions: Model<MemberVersion>) {}

  /**
   * Makes sure the document exists (an existing one is kept), so members can be kept from the first
   * request even when nothing has written a member since the database was filled (a restore, a
   * seeded benchmark). Until it exists, readers keep no member.
   */
  async onModuleInit(): Promise<void> {
    await insertNew(this.versions, [{ _id: MEMBERS_VERSION_ID, value: newValue() }]);
  }

  /** The current value, or null when there is none yet (readers then trust no cached member). */
  async current(): Promise<string | null> {
    const found = await this.versions.findById(MEMBERS_VERSION_ID).lean<MemberVersion>();
    return found?.value ?? null;
  }

  /** Replaces the value with a fresh random one: every cached member everywhere is now stale. */
  async changed(): Promise<void> {
    const value = newValue();
    try {
      await this.versions.updateOne({ _id: MEMBERS_VERSION_ID }, { $set: { value } }, { upsert: true });
    } catch (error) {
      // Two first-ever upserts at once: the other inserted the document, so set it plainly.
      if (!isDuplicateKeyError(error)) {
        throw error;
      }
      await this.versions.updateOne({ _id: MEMBERS_VERSION_ID }, { $set: { value } });
    }
  }
}

/** 128 random bits: a value no earlier change can have had. */
function newValue(): string {
  return randomBytes(16).toString('hex');
}
