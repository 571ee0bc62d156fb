import { Body, Controller, Get, Post, Query, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, Roles, STAFF, type SessionMember } from '@roundtable/auth';
import { FormPage, PublicPage } from '@roundtable/core';
import { CensusDateDto } from './census-date.dto';
import { CensusPages } from './census-pages.service';

/** "The role in numbers", public; staff may ask for the census on another date. */
@ApiExcludeController()
@Controller('census')
export class CensusController {
  constructor(private readonly pages: CensusPages) {}

  @PublicPage()
  @Get()
  @Render('census/census')
  page(@CurrentMember() member?: SessionMember, @Query('as_of') asOf?: unknown) {
    return this.pages.page({ member, asOf: typeof asOf === 'string' ? asOf : undefined });
  }

  @Post('date')
  @Roles(...STAFF)
  @FormPage('census/census', CensusPages, 'page')
  requestDate(@Body() form: CensusDateDto) {
    return this.pages.requestDate(form);
  }
}
