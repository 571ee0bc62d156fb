import { Controller, Get, Query, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, type SessionMember } from '@roundtable/auth';
import { PublicPage } from '@roundtable/core';
import { HomePages } from './home-pages.service';

/** The site root: pitch, latest research, then the blog (paged with `?before=`). */
@ApiExcludeController()
@Controller()
export class HomeController {
  constructor(private readonly pages: HomePages) {}

  @PublicPage()
  @Get()
  @Render('site/home')
  home(@CurrentMember() viewer?: SessionMember, @Query('before') before?: string) {
    return this.pages.home(viewer, before);
  }
}
