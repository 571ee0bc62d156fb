import { Body, Controller, Get, Param, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles, STAFF } from '@roundtable/auth';
import { FormPage } from '@roundtable/core';
import { SurveyAdmin } from './survey-admin.service';
import { SurveyDefinitionDto } from './survey-definition.dto';

/** Staff's survey definition pages. */
@ApiExcludeController()
@Controller('admin/surveys')
@Roles(...STAFF)
export class SurveyAdminController {
  constructor(private readonly admin: SurveyAdmin) {}

  @Get()
  @Render('surveys/admin-list')
  list() {
    return this.admin.listPage();
  }

  @Post()
  @FormPage()
  create() {
    return this.admin.createDraft();
  }

  /** The editor of a draft, or the read-only view of a sent (locked) survey. */
  @Get(':id')
  @Render('surveys/admin-survey')
  edit(@Param('id') id: string) {
    return this.admin.editPage(id);
  }

  @Post(':id')
  @FormPage('surveys/admin-survey', SurveyAdmin, 'editForm')
  save(@Param('id') id: string, @Body() form: SurveyDefinitionDto) {
    return this.admin.save(id, form);
  }

  @Post(':id/next-wave')
  @FormPage()
  startNextWave(@Param('id') id: string) {
    return this.admin.startNextWave(id);
  }

  @Post(':id/duplicate')
  @FormPage()
  duplicate(@Param('id') id: string) {
    return this.admin.duplicate(id);
  }
}
