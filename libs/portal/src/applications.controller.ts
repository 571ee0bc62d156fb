import { Body, Controller, Get, Param, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, Roles, type SessionMember, SIGNED_IN, STAFF } from '@roundtable/auth';
import { FormPage, ListQuery, type ParsedQuery } from '@roundtable/core';
import { ProfileDto } from '@roundtable/members';
import { ApplicationsService } from './applications.service';
import { ApplicationsQuery } from './dto/applications-query.dto';
import { DeclineDto } from './dto/decline.dto';

/** Joining: the application form and staff's queue (the join page itself is @roundtable/site's). */
@ApiExcludeController()
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Get('apply')
  @Roles(...SIGNED_IN)
  @FormPage('portal/apply')
  applicationForm(@CurrentMember() member: SessionMember) {
    return this.applications.applyPage(member);
  }

  @Post('apply')
  @Roles(...SIGNED_IN)
  @FormPage('portal/apply', ApplicationsService, 'applyForm')
  submitApplication(@CurrentMember() member: SessionMember, @Body() form: ProfileDto) {
    return this.applications.submit(member.id, form);
  }

  @Get('admin/applications')
  @Roles(...STAFF)
  @Render('admin/applications')
  queue(@CurrentMember() staff: SessionMember, @ListQuery(ApplicationsQuery) query: ParsedQuery<ApplicationsQuery>) {
    return this.applications.queuePage({ member: staff, query });
  }

  @Post('admin/applications/:id/approve')
  @Roles(...STAFF)
  @FormPage()
  approve(@Param('id') id: string, @CurrentMember() staff: SessionMember) {
    return this.applications.approve(id, staff.id);
  }

  @Post('admin/applications/:id/decline')
  @Roles(...STAFF)
  @FormPage('admin/applications', ApplicationsService, 'queuePage')
  decline(@Param('id') id: string, @CurrentMember() staff: SessionMember, @Body() form: DeclineDto) {
    return this.applications.decline(id, staff.id, form);
  }
}
