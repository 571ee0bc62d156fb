import { Body, Controller, Get, Header, Param, Post, Render, Req, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentMember, Roles, STAFF, type SessionMember, UploadForm } from '@roundtable/auth';
import { ConfirmDto, FormPage, ListQuery, UploadInterceptor, type ParsedQuery } from '@roundtable/core';
import { CSV_UPLOAD, RosterImports } from '../import/roster-import.service';
import { ReferenceAdmin } from '../reference/reference-admin.service';
import { ReferenceListDto } from '../reference/reference-list.dto';
import { RosterAdmin } from './roster-admin.service';
import { RosterExport } from './roster-export.service';
import { TenureDto } from './tenure.dto';
import { TenuresQuery } from './tenures-query.dto';

const CsvUploadInterceptor = UploadInterceptor(CSV_UPLOAD);

/** Staff's roster: the list, a form per tenure, CSV import with preview, exports, reference lists. */
@ApiExcludeController()
@Roles(...STAFF)
@Controller('admin/roster')
export class AdminRosterController {
  constructor(
    private readonly admin: RosterAdmin,
    private readonly imports: RosterImports,
    private readonly exports: RosterExport,
    private readonly references: ReferenceAdmin,
  ) {}

  @Get()
  @Render('census/admin-roster')
  list(@ListQuery(TenuresQuery) query: ParsedQuery<TenuresQuery>) {
    return this.admin.listPage(query);
  }

  @Get('new')
  @Render('census/tenure-form')
  newForm() {
    return this.admin.formPage();
  }

  @Post()
  @FormPage('census/tenure-form', RosterAdmin, 'formPage')
  create(@Body() form: TenureDto) {
    return this.admin.create(form);
  }

  @Get('export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="roster.csv"')
  async exportCsv() {
    return new StreamableFile(Buffer.from(await this.exports.csv()));
  }

  @Get('export.json')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="roster-census.json"')
  async exportExchange() {
    return new StreamableFile(Buffer.from(JSON.stringify(await this.exports.exchange(), null, 1)));
  }

  @Get('import')
  @Render('census/import')
  importForm() {
    return this.imports.uploadPage();
  }

  /** The upload reaches the service as what the interceptor read (`req.upload`: the bytes, or why not). */
  @Post('import')
  @FormPage('census/import', RosterImports, 'uploadPage')
  @UploadForm(CsvUploadInterceptor)
  upload(@Req() req: Request, @CurrentMember() staff: SessionMember) {
    return this.imports.upload(req.upload, staff.id);
  }

  @Get('import/:id')
  @Render('census/import-preview')
  preview(@Param('id') id: string) {
    return this.imports.previewPage({ params: { id } });
  }

  @Post('import/:id')
  @FormPage()
  confirm(@Param('id') id: string) {
    return this.imports.confirm(id);
  }

  @Get('lists')
  @Render('census/reference-lists')
  lists() {
    return this.references.page();
  }

  @Post('lists')
  @FormPage('census/reference-lists', ReferenceAdmin, 'page')
  @UploadForm(CsvUploadInterceptor)
  uploadList(@Req() req: Request, @Body() form: ReferenceListDto) {
    return this.references.upload(form, req.upload);
  }

  @Get(':id')
  @Render('census/tenure-form')
  edit(@Param('id') id: string) {
    return this.admin.formPage({ params: { id } });
  }

  @Post(':id')
  @FormPage('census/tenure-form', RosterAdmin, 'formPage')
  update(@Param('id') id: string, @Body() form: TenureDto) {
    return this.admin.update(id, form);
  }

  @Get(':id/delete')
  @Render('confirm')
  deleteConfirm(@Param('id') id: string) {
    return this.admin.deleteConfirmPage({ params: { id } });
  }

  @Post(':id/delete')
  @FormPage('confirm', RosterAdmin, 'deleteConfirmPage')
  delete(@Param('id') id: string, @Body() _form: ConfirmDto) {
    return this.admin.delete(id);
  }
}
