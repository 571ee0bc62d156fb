import { Injectable } from '@nestjs/common';
import { AuthErasure } from '@roundtable/auth';
import { BillingErasure } from '@roundtable/billing';
import { CommentRepository } from '@roundtable/blog';
import { ConflictError, FormOutcome, NotFoundError } from '@roundtable/core';
import { DirectoryListingRepository } from '@roundtable/directory';
import { MailService, renderMail } from '@roundtable/mail';
import { MemberRecord, MemberRepository } from '@roundtable/members';
import { InvitationRepository } from '@roundtable/surveys';

/**
 * Erasing a member who asked for it, once staff confirm: each feature erases what it keeps about the
 * person through its own repository. Records others rely on stay without the person (comments as
 * "a former member", billing events, survey invitations and responses); the rest is deleted.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly members: MemberRepository,
    private readonly auth: AuthErasure,
    private readonly billing: BillingErasure,
    private readonly comments: CommentRepository,
    private readonly invitations: InvitationRepository,
    private readonly directory: DirectoryListingRepository,
    private readonly mail: MailService,
  ) {}

  /** The confirmation page: who will be erased and what happens to each kind of record. */
  async confirmPage(memberId: string) {
    return { title: 'Erase a member', member: await this.requested(memberId) };
  }

  /**
   * Stripe goes first (a failure there leaves everything of ours in place, to confirm again), the
   * confirmation email is queued while the address is still known, the member record goes last, so a
   * failure half-way leaves the request visible to staff and a second confirmation finishes the job.
   */
  async erase(memberId: string): Promise<FormOutcome> {
    const member = await this.requested(memberId);
    const id = String(member._id);
    await this.billing.eraseMember(id);
    await this.mail.queue({
      to: member.email,
      subject: 'Your Roundtable account is deleted',
      ...renderMail('portal/email/account-erased', { name: member.name }),
    });
    await this.comments.eraseMember(id);
    await this.invitations.eraseMember(id);
    await this.directory.eraseMember(id);
    await this.auth.eraseMember(id, member.email);
    if (!(await this.members.eraseMember(id))) {
      throw new NotFoundError('This member was erased already.');
    }
    return FormOutcome.ok('/admin/members?deletion=requested');
  }

  /** Only a member who asked to be deleted is erased: staff cannot erase someone by mistyping an id. */
  private async requested(memberId: string): Promise<MemberRecord> {
    const member = await this.members.findById(memberId);
    if (!member) {
      throw new NotFoundError('No such member: they may have been erased already.');
    }
    if (!member.deletionRequestedAt) {
      throw new ConflictError('This member has not asked to be deleted, so they cannot be erased.');
    }
    return member;
  }
}
