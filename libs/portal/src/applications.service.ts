import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { SessionMember } from '@roundtable/auth';
import {
  appConfig,
  ConflictError,
  FormOutcome,
  keysetPage,
  keysetPlan,
  NotFoundError,
  pageLinks,
  type PageRequest,
  type ParsedQuery,
  type SortKey,
} from '@roundtable/core';
import { MailService, renderMail } from '@roundtable/mail';
import { MemberRepository, PROFILE_CHOICES, ProfileDto, profileFormValues, profileFrom } from '@roundtable/members';
import { ApplicationsQuery } from './dto/applications-query.dto';
import { DeclineDto } from './dto/decline.dto';

/** The queue oldest first; decided applications newest decision first. Ties fall back on `_id`. */
const QUEUE_ORDER: SortKey[] = [
  { field: 'application.submittedAt', direction: 1 },
  { field: '_id', direction: 1 },
];
const DECIDED_ORDER: SortKey[] = [
  { field: 'application.decidedAt', direction: -1 },
  { field: '_id', direction: -1 },
];

/** Membership applications: applicants submit their profile, staff approve or decline. */
@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly members: MemberRepository,
    private readonly mail: MailService,
  ) {}

  /** The application form, or the portal for someone with nothing (more) to apply for. */
  async applyPage(member: SessionMember) {
    const page = await this.applyForm({ member });
    return page.application?.status === 'approved' || member.role !== 'applicant' ? FormOutcome.ok('/portal') : page;
  }

  /** The application form with the profile as stored; also the page around it when it has errors. */
  async applyForm({ member }: PageRequest<SessionMember>) {
    const record = await this.members.findById(member.id);
    if (!record) {
      throw new NotFoundError('Your member record was not found.');
    }
    return {
      title: 'Apply for membership',
      values: profileFormValues(nameToPrefill(record), record.profile),
      errors: {},
      choices: PROFILE_CHOICES,
      application: record.application,
    };
  }

  async submit(memberId: string, form: ProfileDto): Promise<FormOutcome> {
    const { name, profile } = profileFrom(form);
    const before = await this.members.findById(memberId);
    if (!(await this.members.submitApplication(memberId, name, profile))) {
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
    return FormOutcome.ok('/portal');
  }

  /**
   * Staff's applications, a page at a time (the waiting queue unless the query names another
   * status). After a refused decline (`params.id`), the queue's first page comes back with that
   * application at its top, so its form, values and errors are on the page whichever page it was on.
   */
  async queuePage({ params, query }: PageRequest & { query?: ParsedQuery<ApplicationsQuery> }) {
    const { value, ignored } = query ?? { value: new ApplicationsQuery(), ignored: {} };
    const status = value.status ?? 'submitted';
    const plan = keysetPlan(status === 'submitted' ? QUEUE_ORDER : DECIDED_ORDER, value);
    const page = keysetPage(await this.members.listApplications({ status, search: value.search }, plan), plan);
    const declining = params?.id ?? null;
    let applicants = page.rows;
    if (declining && !applicants.some((applicant) => String(applicant._id) === declining)) {
      const refused = await this.members.findById(declining);
      applicants = refused?.application?.status === 'submitted' ? [refused, ...applicants] : applicants;
    }
    const filters = {
      status: value.status,
      search: value.search,
      size: value.size,
    };
    return {
      title: 'Membership applications',
      applicants,
      status,
      filter: filters,
      statuses: [
        { value: 'submitted', label: 'Waiting' },
        { value: 'approved', label: 'Approved' },
        { value: 'declined', label: 'Declined' },
      ],
      ignored,
      links: pageLinks('/admin/applications', filters, page),
      declining,
    };
  }

  async approve(memberId: string, staffId: string): Promise<FormOutcome> {
    const member = await this.decide(memberId, { status: 'approved', by: staffId, reason: null });
    await this.mail.queue({
      to: member.email,
      subject: 'Welcome to the council: your application is approved',
      ...renderMail('portal/email/application-approved', {
        name: member.name,
        membershipUrl: `${this.app.baseUrl}/membership`,
      }),
    });
    return FormOutcome.ok('/admin/applications', `${member.name} is approved; we emailed them to choose a membership.`);
  }

  async decline(memberId: string, staffId: string, { reason }: DeclineDto): Promise<FormOutcome> {
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
    return FormOutcome.ok(
      '/admin/applications',
      `${member.name}’s application is declined; we emailed them the reason.`,
    );
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

/**
 * The name the application form starts with: the one a person gave (LinkedIn's, or what they typed),
 * never the stand-in an email sign-in stores (the address before the "@"), which they would have to
 * notice and erase. Pure.
 */
export function nameToPrefill(record: { name: string; email: string }): string {
  return record.name === record.email.split('@')[0] ? '' : record.name;
}
