import { Body, Controller, Get, Header, Param, Post, Query, Render, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles, STAFF, UploadForm } from '@roundtable/auth';
import { ConfirmDto, FormPage, PageOrAnswer, UploadInterceptor } from '@roundtable/core';
import { ReportConfirmations } from './report-confirmations.service';
import { ReportAdmin } from './report-admin.service';
import { ReportPages } from './report-pages.service';

/**
 * Exchange files staff import, at most 24 MB. The largest real one is a council of 20,000 members
 * who all answered, each holding all 16 default items: 22.5 MB as the export writes it (measured on a
 * generated file of that shape; 14.7 MB when each holds 8). The upload is read as a stream and cut
 * off at this size; only the import's items, title and profile questions are kept.
 */
const ExchangeUploadInterceptor = UploadInterceptor({
  maxBytes: 24 * 1024 * 1024,
  fieldLabel: 'Exchange file (.json)',
  fileKind: 'JSON file',
  extensions: ['.json'],
  maxFields: 5,
});

/** Staff's reporting console: results of each survey from its latest snapshot, exports, publishing. */
@ApiExcludeController()
@Controller('admin/reports')
@Roles(...STAFF)
export class AdminReportsController {
  constructor(
    private readonly pages: ReportPages,
    private readonly admin: ReportAdmin,
    private readonly confirmations: ReportConfirmations,
  ) {}

  @Get()
  @Render('reporting/admin-list')
  list() {
    return this.pages.listPage();
  }

  @Post('import')
  @FormPage('reporting/admin-list', ReportPages, 'listPage')
  @UploadForm(ExchangeUploadInterceptor)
  importDraft(@Req() req: Request) {
    return this.admin.importDraft(req.upload);
  }

  @Get(':id')
  @PageOrAnswer('reporting/admin-report')
  report(@Param('id') id: string, @Query('segment') segment?: string) {
    return this.pages.adminReportAnswer(id, typeof segment === 'string' ? segment : undefined);
  }

  @Post(':id/recompute')
  @FormPage()
  recompute(@Param('id') id: string) {
    return this.admin.recompute(id);
  }

  @Get(':id/publish')
  @Render('confirm')
  publishConfirm(@Param('id') id: string) {
    return this.confirmations.publishPage({ member: undefined, params: { id } });
  }

  @Post(':id/publish')
  @FormPage('confirm', ReportConfirmations, 'publishPage')
  publish(@Param('id') id: string, @Body() _form: ConfirmDto) {
    return this.admin.publish(id);
  }

  @Get(':id/unpublish')
  @Render('confirm')
  unpublishConfirm(@Param('id') id: string) {
    return this.confirmations.unpublishPage({ member: undefined, params: { id } });
  }

  @Post(':id/unpublish')
  @FormPage('confirm', ReportConfirmations, 'unpublishPage')
  unpublish(@Param('id') id: string, @Body() _form: ConfirmDto) {
    return this.admin.unpublish(id);
  }

  @Get(':id/responses.json')
  @Header('Content-Type', 'application/json; charset=utf-8')
  async exportResponses(@Param('id') id: string, @Res({ passthrough: true }) res: Response) {
    const { filename, doc } = await this.admin.exportResponses(id);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return new StreamableFile(Buffer.from(JSON.stringify(doc, null, 1)));
  }

  @Get(':id/tables/:table.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async tableCsv(@Param('id') id: string, @Param('table') table: string, @Res({ passthrough: true }) res: Response) {
    const { filename, body } = await this.admin.csv(id, table);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return new StreamableFile(Buffer.from(body));
  }
}
