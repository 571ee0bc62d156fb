import { Injectable } from '@nestjs/common';
import { isEntitled, type SessionMember } from '@roundtable/auth';
import { ENTITLEMENT_LABELS, TierRepository } from '@roundtable/billing';
import { confirmationPage, FormOutcome, isoDateTime, NotFoundError, type PageRequest } from '@roundtable/core';
import {
  MemberRecord,
  MemberRepository,
  PROFILE_CHOICES,
  ProfileDto,
  profileFormValues,
  profileFrom,
} from '@roundtable/members';
import { SnapshotRepository } from '@roundtable/reporting';
import { PortalSurveys } from '@roundtable/surveys';
import { ProfileChangeNotifier } from './profile-change-notifier.service';

/** What the portal pages show, and the member's own changes to their record. */
@Injectable()
export class PortalService {
  constructor(
    private readonly members: MemberRepository,
    private readonly tiers: TierRepository,
    private readonly surveys: PortalSurveys,
    private readonly snapshots: SnapshotRepository,
    private readonly profileChanges: ProfileChangeNotifier,
  ) {}

  async getOrFail(memberId: string): Promise<MemberRecord> {
    const member = await this.members.findById(memberId);
    if (!member) {
      throw new NotFoundError('Your member record was not found.');
    }
    return member;
  }

  async portalPage({ member }: PageRequest<SessionMember>) {
    const record = await this.getOrFail(member.id);
    // One slug lookup (unique index) on the small tiers collection; a retired or unknown slug shows as stored.
    const slug = record.membership?.tier;
    const tier = slug ? await this.tiers.findBySlug(slug) : null;
    const joined = record.role !== 'applicant';
    // What membership gives this member now: their open surveys, the reports their tier reads, its benefits.
    const readsReports = joined && isEntitled(member, 'see_reports');
    return {
      title: 'Your portal',
      record,
      applicationStatus: record.application?.status ?? 'none',
      tierName: tier?.name ?? slug ?? null,
      benefits: (member.membership?.entitlements ?? []).map((name) => ENTITLEMENT_LABELS[name as never] ?? name),
      openSurveys: joined ? (await this.surveys.listPage(member.id)).surveys : [],
      readsReports,
      reports: readsReports
        ? (await this.snapshots.listPublished(5)).map((state) => ({
            id: state._id,
            title: state.publishedSummary?.title ?? 'Research report',
          }))
        : [],
      // Guest posting is an entitlement of some tiers; staff write on /admin/posts instead.
      canGuestPost: record.role === 'member' && isEntitled(member, 'guest_post'),
    };
  }

  /** The profile form as stored; also the page around the form when it comes back with errors. */
  async profilePage({ member }: PageRequest<SessionMember>) {
    const record = await this.getOrFail(member.id);
    return {
      title: 'Your profile',
      values: profileFormValues(record.name, record.profile),
      errors: {},
      choices: PROFILE_CHOICES,
      record,
    };
  }

  async saveProfile(memberId: string, form: ProfileDto): Promise<FormOutcome> {
    const { name, profile } = profileFrom(form);
    // A change of company or title is told first (the roster proposes it to staff): if that fails, nothing is saved.
    await this.profileChanges.beforeSave(await this.members.findById(memberId), name, profile);
    await this.members.updateProfile(memberId, name, profile);
    return FormOutcome.ok('/portal', 'Your profile is saved.');
  }

  /** Everything we hold about the member, as they can take it away (GDPR art. 15 and 20). */
  async exportData(memberId: string) {
    const member = await this.getOrFail(memberId);
    return {
      exportedAt: isoDateTime(new Date()),
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

  /** Asking to be deleted asks first (core's confirmation step): what it means and how to undo it. */
  deletionConfirmPage() {
    return confirmationPage({
      heading: 'Delete your account?',
      consequences: [
        'Staff erase your profile, your directory listing and your sign-in; we email you when it is done.',
        'A paid membership is cancelled, so you lose what your tier gives you.',
        'Your comments stay, signed “a former member”; your survey answers stay in the council’s results without your name.',
      ],
      undo: 'Until staff carry it out, “Keep my account” on your portal withdraws the request. After that it cannot be undone.',
      action: '/portal/delete',
      button: 'Ask us to delete my account',
      cancel: '/portal',
      danger: true,
    });
  }

  /** The portal then says the request is with staff for as long as it stands, and offers to withdraw it. */
  async requestDeletion(memberId: string): Promise<FormOutcome> {
    await this.members.requestDeletion(memberId);
    return FormOutcome.ok(
      '/portal',
      'We have your request to delete your account. You can withdraw it until staff carry it out.',
    );
  }

  async withdrawDeletion(memberId: string): Promise<FormOutcome> {
    await this.members.withdrawDeletionRequest(memberId);
    return FormOutcome.ok('/portal', 'Your request is withdrawn: your account stays.');
  }
}
