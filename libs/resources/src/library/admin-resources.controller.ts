import { Body, Controller, Get, Param, Post, Query, Render, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentMember, Roles, type SessionMember, STAFF } from '@roundtable/auth';
import { UploadInterceptor } from '../files/upload.interceptor';
import { ResourceAdmin } from './resource-admin.service';

/** Staff's page of the library: upload documents, see their downloads by tier, delete. */
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
      notice === 'added' ? 'added' : notice === 'deleted' ? 'deleted' : null,
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

  @Post(':id/delete')
  async delete(@Param('id') id: string, @Res() res: Response) {
    await this.admin.delete(id);
    res.redirect(303, '/admin/resources?notice=deleted');
  }
}
