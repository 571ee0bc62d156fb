import { Injectable } from '@nestjs/common';
import { BadRequestError } from '@roundtable/core';
import { MemberRecord, MemberRepository } from '@roundtable/members';
import { LinkedInIdentityRepository } from './linkedin-identity.repository';
import type { LinkedInProfile } from './linkedin-profile';

/**
 * Turns a LinkedIn profile into one member: the member already linked to the subject, else the
 * member with the same verified email (then linked), else a new applicant.
 */
@Injectable()
export class LinkedInSignInService {
  constructor(
    private readonly identities: LinkedInIdentityRepository,
    private readonly members: MemberRepository,
  ) {}

  async memberFor(profile: LinkedInProfile): Promise<MemberRecord> {
    if (!profile.email || !profile.emailVerified) {
      throw new BadRequestError(
        'LinkedIn has not verified the email address on your account, so we cannot sign you in with it. Verify it on LinkedIn, or sign in with an email link.',
      );
    }
    const linked = await this.identities.findBySubject(profile.id);
    if (linked) {
      const member = await this.members.findById(linked.memberId);
      if (member) {
        await this.keepPicture(member, profile);
        return member;
      }
      await this.identities.unlink(profile.id);
    }
    const member =
      (await this.members.findByEmail(profile.email)) ??
      (await this.members.create({
        email: profile.email,
        name: profile.displayName,
        role: 'applicant',
        pictureUrl: profile.pictureUrl,
      }));
    if (!(await this.identities.link(profile.id, String(member._id)))) {
      throw new BadRequestError(
        `The member account for ${profile.email} is already linked to a different LinkedIn account. Sign in with that one, or with an email link.`,
      );
    }
    await this.keepPicture(member, profile);
    return member;
  }

  /**
   * Writes the member only when LinkedIn's photo changed. A sign-in is the most frequent write of a
   * member, and on FerretDB any update of the document can put back what another made beside it
   * (billing's membership, staff's decision; docs/storage.md), so a sign-in changing nothing writes nothing.
   */
  private async keepPicture(member: MemberRecord, profile: LinkedInProfile): Promise<void> {
    if ((member.pictureUrl ?? null) !== profile.pictureUrl) {
      await this.members.fillFromLinkedIn(String(member._id), { pictureUrl: profile.pictureUrl });
    }
  }
}
