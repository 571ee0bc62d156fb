import { Body, Controller, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, STAFF } from '@roundtable/auth';
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
  async create(@Res() res: Response) {
    res.redirect(303, `/admin/surveys/${await this.admin.createDraft()}`);
  }

  @Get(':id')
  async edit(@Param('id') id: string, @Query('saved') saved: string | undefined, @Res() res: Response) {
    const view = await this.admin.editPage(id);
    res.render(view.locked ? 'surveys/admin-show' : 'surveys/admin-edit', { ...view, saved: saved === '1' });
  }

  @Post(':id')
  async save(@Param('id') id: string, @Body() body: Record<string, unknown>, @Res() res: Response) {
    const result = await this.admin.save(id, body);
    if (result.saved) {
      res.redirect(303, result.redirect);
    } else {
      res.status(result.status).render('surveys/admin-edit', result.view);
    }
  }

  @Post(':id/duplicate')
  async duplicate(@Param('id') id: string, @Res() res: Response) {
    res.redirect(303, `/admin/surveys/${await this.admin.duplicate(id)}`);
  }
}
