import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { ConflictError, isDuplicateKeyError } from '@roundtable/core';
import { Member } from './member.schema';

export type MemberRecord = Member & { _id: Types.ObjectId };

/** The only code that touches the members collection. */
@Injectable()
export class MemberRepository {
  constructor(@InjectModel(Member.name) private readonly members: Model<Member>) {}

  async create(fields: Pick<Member, 'email' | 'name'>): Promise<MemberRecord> {
    try {
      const created = await this.members.create(fields);
      return created.toObject() as MemberRecord;
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw new ConflictError(`A member with the email address ${fields.email.toLowerCase()} already exists.`);
      }
      throw error;
    }
  }

  findByEmail(email: string): Promise<MemberRecord | null> {
    return this.members.findOne({ email: email.trim().toLowerCase() }).lean<MemberRecord>();
  }
}
