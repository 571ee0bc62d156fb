import { Body, Controller, Get, Param, Post, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentMember, Roles, type SessionMember, STAFF, UploadForm } from '@roundtable/auth';
import { FormPage } from '@roundtable/core';
import { DocumentUploadInterceptor } from '../files/upload.interceptor';
import { ResourceAdmin } from './resource-admin.service';
import { ResourceDto } from './resource.dto';

/** Staff's page of the library: upload documents, edit their description and tiers, see downloads by tier, delete. */
@ApiExcludeController()
@Roles(...STAFF)
@Controller('admin/resources')
export class AdminResourcesController {
  constructor(private readonly admin: ResourceAdmin) {}

  @Get()
  @Render('admin/resources')
  page() {
    return this.admin.page();
  }

  /** The upload reaches the service as what the interceptor read (`req.upload`: the bytes, or why not). */
  @Post()
  @FormPage('admin/resources', ResourceAdmin, 'page')
  @UploadForm(DocumentUploadInterceptor)
  upload(@Req() req: Request, @Body() form: ResourceDto, @CurrentMember() staff: SessionMember) {
    return this.admin.upload(form, req.upload, staff);
  }

  @Get(':id/edit')
  @Render('admin/resource-edit')
  edit(@Param('id') id: string) {
    return this.admin.editPage(id);
  }

  @Post(':id')
  @FormPage('admin/resource-edit', ResourceAdmin, 'editForm')
  update(@Param('id') id: string, @Body() form: ResourceDto) {
    return this.admin.update(id, form);
  }

  @Post(':id/delete')
  @FormPage()
  delete(@Param('id') id: string) {
    return this.admin.delete(id);
  }
}
