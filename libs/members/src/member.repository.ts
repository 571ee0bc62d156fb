import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, Model, Types } from 'mongoose';
import { ConflictError, isDuplicateKeyError } from '@roundtable/core';
import { Member, MemberRole, MembershipSummary } from './member.schema';

export type MemberRecord = Member & { _id: Types.ObjectId };

/** The only code that touches the members collection. */
@Injectable()
export class MemberRepository {
  constructor(@InjectModel(Member.name) private readonly members: Model<Member>) {}

  async create(fields: Pick<Member, 'email' | 'name'> & { role?: MemberRole }): Promise<MemberRecord> {
    try {
      const created = await this.members.create(fields);
      return created.toObject() as MemberRecord;
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw new ConflictError(`A member with the email address ${fields.email.trim().toLowerCase()} already exists.`);
      }
      throw error;
    }
  }

  findByEmail(email: string): Promise<MemberRecord | null> {
    return this.members.findOne({ email: email.trim().toLowerCase() }).lean<MemberRecord>();
  }

  findById(id: string): Promise<MemberRecord | null> {
    if (!isValidObjectId(id)) {
      return Promise.resolve(null);
    }
    return this.members.findById(id).lean<MemberRecord>();
  }

  /** Billing calls this after each membership change; everything else reads it. */
  async setMembership(id: string, membership: MembershipSummary): Promise<void> {
    await this.members.updateOne({ _id: id }, { $set: { membership } });
  }

  async setRole(id: string, role: MemberRole): Promise<void> {
    await this.members.updateOne({ _id: id }, { $set: { role } });
  }
}
