import { Controller, Get, Header, Query, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles, STAFF } from '@roundtable/auth';
import { MemberAdminService } from './member-admin.service';

/** Staff's member list and its CSV export. */
@ApiExcludeController()
@Roles(...STAFF)
@Controller('admin')
export class AdminMembersController {
  constructor(private readonly admin: MemberAdminService) {}

  @Get('members')
  @Render('admin/members')
  list(@Query() query: Record<string, unknown>) {
    return this.admin.page(query);
  }

  @Get('members.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="roundtable-members.csv"')
  csv(@Query() query: Record<string, unknown>) {
    return this.admin.csv(query);
  }
}
