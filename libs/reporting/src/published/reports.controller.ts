import { Controller, Get, Param, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, MEMBERS_AND_STAFF, Roles, type SessionMember } from '@roundtable/auth';
import { PublishedReports } from './published-reports.service';

/** Members' research: published reports and their own answers against their peers'. */
@ApiExcludeController()
@Controller('reports')
@Roles(...MEMBERS_AND_STAFF)
export class ReportsController {
  constructor(private readonly reports: PublishedReports) {}

  @Get()
  @Render('reporting/reports')
  list() {
    return this.reports.listPage();
  }

  @Get(':id')
  @Render('reporting/report')
  report(@Param('id') id: string, @CurrentMember() member: SessionMember) {
    return this.reports.reportPage(id, member.id);
  }

  @Get(':id/mine')
  @Render('reporting/mine')
  mine(@Param('id') id: string, @CurrentMember() member: SessionMember) {
    return this.reports.minePage(id, member.id);
  }
}
