import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { appConfig, ConflictError, NotFoundError } from '@roundtable/core';
import { MailService, renderMail } from '@roundtable/mail';
import { MemberRepository, ProfileErrors, ProfileFormValues, validateProfileForm } from '@roundtable/members';

/** Membership applications: applicants submit their profile, staff approve or decline. */
@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly members: MemberRepository,
    private readonly mail: MailService,
  ) {}

  /** Returns the form errors (nothing stored) or submits and returns null. */
  async submit(
    memberId: string,
    body: Record<string, unknown>,
  ): Promise<{ values: ProfileFormValues; errors: ProfileErrors } | null> {
    const { values, errors, profile } = validateProfileForm(body);
    if (!profile) {
      return { values, errors };
    }
    const { name, ...fields } = profile;
    const before = await this.members.findById(memberId);
    if (!(await this.members.submitApplication(memberId, name, fields))) {
      throw new ConflictError(
        'You are already a member, so there is nothing to apply for. Your profile is in your portal.',
      );
    }
    // Acknowledge a new application once; changing a waiting application sends nothing more.
    if (before && before.application?.status !== 'submitted') {
      await this.mail.queue({
        to: before.email,
        subject: 'We received your application to Roundtable',
        ...renderMail('portal/email/application-received', { name, portalUrl: `${this.app.baseUrl}/portal` }),
      });
    }
    return null;
  }

  async approve(memberId: string, staffId: string): Promise<void> {
    const member = await this.decide(memberId, { status: 'approved', by: staffId, reason: null });
    await this.mail.queue({
      to: member.email,
      subject: 'Welcome to the council: your application is approved',
      ...renderMail('portal/email/application-approved', {
        name: member.name,
        membershipUrl: `${this.app.baseUrl}/membership`,
      }),
    });
  }

  async decline(memberId: string, staffId: string, reason: string): Promise<void> {
    const member = await this.decide(memberId, { status: 'declined', by: staffId, reason });
    await this.mail.queue({
      to: member.email,
      subject: 'About your Roundtable application',
      ...renderMail('portal/email/application-declined', {
        name: member.name,
        reason,
        applyUrl: `${this.app.baseUrl}/apply`,
      }),
    });
  }

  queue() {
    return this.members.listSubmittedApplications();
  }

  private async decide(
    memberId: string,
    decision: { status: 'approved' | 'declined'; by: string; reason: string | null },
  ) {
    const member = await this.members.findById(memberId);
    if (!member) {
      throw new NotFoundError('There is no such applicant.');
    }
    if (!(await this.members.decideApplication(memberId, decision))) {
      throw new ConflictError(
        `The application of ${member.name} has already been decided. Reload the queue to see where it stands.`,
      );
    }
    return member;
  }
}
