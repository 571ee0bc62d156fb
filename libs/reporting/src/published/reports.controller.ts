import { Controller, Get, Param, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, MEMBERS_AND_STAFF, RequiresEntitlement, Roles, type SessionMember } from '@roundtable/auth';
import { PEER_BENCHMARK, READ_REPORTS } from './report-access';
import { PublishedReports } from './published-reports.service';

/**
 * Members' research: published reports for the tiers that include them, and, for the tier sold with
 * it, a member's own answers against their peers'.
 */
@ApiExcludeController()
@Controller('reports')
@Roles(...MEMBERS_AND_STAFF)
@RequiresEntitlement(READ_REPORTS)
export class ReportsController {
  constructor(private readonly reports: PublishedReports) {}

  @Get()
  @Render('reporting/reports')
  list(@CurrentMember() member: SessionMember) {
    return this.reports.listPage(member);
  }

  @Get(':id')
  @Render('reporting/report')
  report(@Param('id') id: string, @CurrentMember() member: SessionMember) {
    return this.reports.reportPage(id, member);
  }

  @Get(':id/mine')
  @RequiresEntitlement(READ_REPORTS, PEER_BENCHMARK)
  @Render('reporting/mine')
  mine(@Param('id') id: string, @CurrentMember() member: SessionMember) {
    return this.reports.minePage(id, member.id);
  }
}
