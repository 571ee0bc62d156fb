import { Body, Controller, Get, Param, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, STAFF } from '@roundtable/auth';
import { FormPage } from '@roundtable/core';
import { SurveyAdmin } from './survey-admin.service';

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
  async edit(@Param('id') id: string, @Res() res: Response) {
    const view = await this.admin.editPage(id);
    res.render(view.locked ? 'surveys/admin-show' : 'surveys/admin-edit', view);
  }

  @Post(':id')
  @FormPage('surveys/admin-edit', SurveyAdmin, 'editForm')
  save(@Param('id') id: string, @Body() body: Record<string, unknown>) {
    return this.admin.save(id, body);
  }

  @Post(':id/duplicate')
  @FormPage()
  duplicate(@Param('id') id: string) {
    return this.admin.duplicate(id);
  }
}
