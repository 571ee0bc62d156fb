import { Controller, Get, Header, Param, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles, STAFF } from '@roundtable/auth';
import { FormPage, ListQuery, type ParsedQuery } from '@roundtable/core';
import { MembersQuery } from './dto/members-query.dto';
import { ErasureService } from './erasure.service';
import { MemberAdminService } from './member-admin.service';

/** Staff's member list, its CSV export, and erasing a member who asked to be deleted. */
@ApiExcludeController()
@Roles(...STAFF)
@Controller('admin')
export class AdminMembersController {
  constructor(
    private readonly admin: MemberAdminService,
    private readonly erasure: ErasureService,
  ) {}

  @Get('members')
  @Render('admin/members')
  list(@ListQuery(MembersQuery) query: ParsedQuery<MembersQuery>) {
    return this.admin.page(query);
  }

  @Get('members.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="roundtable-members.csv"')
  csv(@ListQuery(MembersQuery) query: ParsedQuery<MembersQuery>) {
    return this.admin.csv(query);
  }

  /** The confirmation step: a page with one button, so erasing needs no JavaScript and no accident. */
  @Get('members/:id/erase')
  @Render('admin/erase')
  confirmErase(@Param('id') id: string) {
    return this.erasure.confirmPage(id);
  }

  @Post('members/:id/erase')
  @FormPage()
  erase(@Param('id') id: string) {
    return this.erasure.erase(id);
  }
}
