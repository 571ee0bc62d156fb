import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@roundtable/core';
import {
  MemberRecord,
  MemberRepository,
  PROFILE_CHOICES,
  ProfileErrors,
  ProfileFormValues,
  profileFormValues,
  validateProfileForm,
} from '@roundtable/members';

/** What the portal pages show, and the member's own changes to their record. */
@Injectable()
export class PortalService {
  constructor(private readonly members: MemberRepository) {}

  async getOrFail(memberId: string): Promise<MemberRecord> {
    const member = await this.members.findById(memberId);
    if (!member) {
      throw new NotFoundError('Your member record was not found.');
    }
    return member;
  }

  async portal(memberId: string) {
    const member = await this.getOrFail(memberId);
    return { title: 'Your portal', record: member, applicationStatus: member.application?.status ?? 'none' };
  }

  profileForm(member: MemberRecord, values?: ProfileFormValues, errors: ProfileErrors = {}) {
    return {
      title: 'Your profile',
      values: values ?? profileFormValues(member.name, member.profile),
      errors,
      choices: PROFILE_CHOICES,
      record: member,
    };
  }

  /** Saves a valid profile and returns null, or returns the form's values and errors. */
  async saveProfile(memberId: string, body: Record<string, unknown>) {
    const { values, errors, profile } = validateProfileForm(body);
    if (!profile) {
      return { values, errors };
    }
    const { name, ...fields } = profile;
    await this.members.updateProfile(memberId, name, fields);
    return null;
  }

  /** Everything we hold about the member, as they can take it away (GDPR art. 15 and 20). */
  async exportData(memberId: string) {
    const member = await this.getOrFail(memberId);
    return {
      exportedAt: new Date().toISOString(),
      member: {
        id: String(member._id),
        email: member.email,
        name: member.name,
        role: member.role,
        pictureUrl: member.pictureUrl ?? null,
        profile: member.profile ?? null,
        application: member.application ?? null,
        membership: member.membership ?? null,
        deletionRequestedAt: member.deletionRequestedAt ?? null,
        createdAt: member.createdAt,
        updatedAt: member.updatedAt,
      },
    };
  }

  requestDeletion(memberId: string) {
    return this.members.requestDeletion(memberId);
  }
}
