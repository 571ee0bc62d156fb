import { Body, Controller, Get, Param, Post, Query, Render, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentMember, Roles, type SessionMember, STAFF } from '@roundtable/auth';
import { UploadInterceptor } from '../files/upload.interceptor';
import { ResourceAdmin } from './resource-admin.service';

/** Staff's page of the library: upload documents, edit their description and tiers, see downloads by tier, delete. */
@ApiExcludeController()
@Roles(...STAFF)
@Controller('admin/resources')
export class AdminResourcesController {
  constructor(private readonly admin: ResourceAdmin) {}

  @Get()
  @Render('admin/resources')
  page(@Query('notice') notice?: string) {
    return this.admin.page(
      undefined,
      undefined,
      notice === 'added' || notice === 'deleted' || notice === 'saved' ? notice : null,
    );
  }

  @Post()
  @UseInterceptors(UploadInterceptor)
  async upload(
    @Req() req: Request,
    @Body() body: Record<string, unknown>,
    @CurrentMember() staff: SessionMember,
    @Res() res: Response,
  ) {
    const invalid = await this.admin.upload(body, req.upload, staff);
    if (invalid) {
      return res.status(422).render('admin/resources', await this.admin.page(invalid.values, invalid.errors));
    }
    return res.redirect(303, '/admin/resources?notice=added');
  }

  @Get(':id/edit')
  @Render('admin/resource-edit')
  edit(@Param('id') id: string) {
    return this.admin.editPage(id);
  }

  @Post(':id')
  async update(@Param('id') id: string, @Body() body: Record<string, unknown>, @Res() res: Response) {
    const invalid = await this.admin.update(id, body);
    if (invalid) {
      return res
        .status(422)
        .render('admin/resource-edit', await this.admin.editPage(id, invalid.values, invalid.errors));
    }
    return res.redirect(303, '/admin/resources?notice=saved');
  }

  @Post(':id/delete')
  async delete(@Param('id') id: string, @Res() res: Response) {
    await this.admin.delete(id);
    res.redirect(303, '/admin/resources?notice=deleted');
  }
}
