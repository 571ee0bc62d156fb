import { Controller, Get, Header, Param, Render, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, MEMBERS_AND_STAFF, RequiresEntitlement, Roles, type SessionMember } from '@roundtable/auth';
import { PEER_BENCHMARK, READ_REPORTS } from './report-access';
import { ReportPdfs } from '../findings/report-pdfs.service';
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
  constructor(
    private readonly reports: PublishedReports,
    private readonly pdfs: ReportPdfs,
  ) {}

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

  /** The report as a PDF for a board pack; with the member's own answers when their tier includes them. */
  @Get(':id/report.pdf')
  @Header('Content-Type', 'application/pdf')
  async pdf(
    @Param('id') id: string,
    @CurrentMember() member: SessionMember,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { filename, body } = await this.pdfs.pdf(id, member);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return new StreamableFile(body);
  }
}
