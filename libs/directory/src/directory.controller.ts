import { Body, Controller, Get, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, MEMBERS_AND_STAFF, Roles, type SessionMember } from '@roundtable/auth';
import { FormPage, ListQuery, type ParsedQuery } from '@roundtable/core';
import { DirectoryChoicesDto } from './directory-choices.dto';
import { DirectoryQueryDto } from './directory-query.dto';
import { DirectoryService } from './directory.service';

/** The members' directory (members and staff only) and each member's choice of what peers see. */
@ApiExcludeController()
@Roles(...MEMBERS_AND_STAFF)
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('directory')
  @Render('directory/list')
  list(@CurrentMember() viewer: SessionMember, @ListQuery(DirectoryQueryDto) query: ParsedQuery<DirectoryQueryDto>) {
    return this.directory.directory(viewer, query);
  }

  @Get('portal/directory')
  @Render('directory/choices')
  choices(@CurrentMember() member: SessionMember) {
    return this.directory.choices({ member });
  }

  @Post('portal/directory')
  @FormPage('directory/choices', DirectoryService, 'choices')
  save(@CurrentMember() member: SessionMember, @Body() form: DirectoryChoicesDto) {
    return this.directory.saveChoices(member.id, form);
  }
}
