import { Body, Controller, Get, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentMember, MEMBERS_AND_STAFF, Roles, type SessionMember } from '@roundtable/auth';
import { DirectoryService } from './directory.service';

/** The members' directory (members and staff only) and each member's choice of what peers see. */
@ApiExcludeController()
@Roles(...MEMBERS_AND_STAFF)
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('directory')
  @Render('directory/list')
  list(@CurrentMember() viewer: SessionMember, @Query() query: Record<string, unknown>) {
    return this.directory.directory(viewer, query);
  }

  @Get('portal/directory')
  @Render('directory/choices')
  choices(@CurrentMember() member: SessionMember, @Query('saved') saved?: string) {
    return this.directory.choices(member.id, saved === '1');
  }

  @Post('portal/directory')
  async save(@CurrentMember() member: SessionMember, @Body() body: Record<string, unknown>, @Res() res: Response) {
    await this.directory.saveChoices(member.id, body);
    res.redirect(303, '/portal/directory?saved=1');
  }
}
