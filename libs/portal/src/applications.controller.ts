import { Body, Controller, Get, Param, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentMember, Roles, type SessionMember, SIGNED_IN, STAFF } from '@roundtable/auth';
import { PROFILE_CHOICES, profileFormValues } from '@roundtable/members';
import { ApplicationsService } from './applications.service';
import { PortalService } from './portal.service';

/** Joining: the public invitation, the application form, and staff's queue. */
@ApiExcludeController()
@Controller()
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly portal: PortalService,
  ) {}

  @Get('join')
  @Render('portal/join')
  join(@CurrentMember() member?: SessionMember) {
    return { title: 'Join your peers — become a member', signedIn: Boolean(member) };
  }

  @Get('apply')
  @Roles(...SIGNED_IN)
  async applyForm(@CurrentMember() member: SessionMember, @Res() res: Response) {
    const record = await this.portal.getOrFail(member.id);
    if (record.application?.status === 'approved' || member.role !== 'applicant') {
      return res.redirect(303, '/portal');
    }
    return res.render('portal/apply', {
      title: 'Apply for membership',
      values: profileFormValues(record.name, record.profile),
      errors: {},
      choices: PROFILE_CHOICES,
      application: record.application,
    });
  }

  @Post('apply')
  @Roles(...SIGNED_IN)
  async apply(@CurrentMember() member: SessionMember, @Body() body: Record<string, unknown>, @Res() res: Response) {
    const invalid = await this.applications.submit(member.id, body);
    if (invalid) {
      return res
        .status(422)
        .render('portal/apply', { title: 'Apply for membership', ...invalid, choices: PROFILE_CHOICES });
    }
    return res.redirect(303, '/portal');
  }

  @Get('admin/applications')
  @Roles(...STAFF)
  @Render('admin/applications')
  async queue() {
    return { title: 'Membership applications', applicants: await this.applications.queue() };
  }

  @Post('admin/applications/:id/approve')
  @Roles(...STAFF)
  async approve(@Param('id') id: string, @CurrentMember() staff: SessionMember, @Res() res: Response) {
    await this.applications.approve(id, staff.id);
    res.redirect(303, '/admin/applications');
  }

  @Post('admin/applications/:id/decline')
  @Roles(...STAFF)
  async decline(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @CurrentMember() staff: SessionMember,
    @Res() res: Response,
  ) {
    const reason = typeof body.reason === 'string' ? body.reason.trim().slice(0, 1000) : '';
    if (!reason) {
      return res.status(422).render('admin/applications', {
        title: 'Membership applications',
        applicants: await this.applications.queue(),
        error: { id, message: 'Please give the applicant a reason for declining; it goes in the email we send them.' },
      });
    }
    await this.applications.decline(id, staff.id, reason);
    return res.redirect(303, '/admin/applications');
  }
}
