import { Body, Controller, Get, Param, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, Roles, type SessionMember, STAFF } from '@roundtable/auth';
import { FormPage, PublicPage } from '@roundtable/core';
import { SitePageDto } from './site-page.dto';
import { SitePages } from './site-pages.service';

/** About, Privacy and Contact for everyone; their editor for staff. */
@ApiExcludeController()
@Controller()
export class SitePagesController {
  constructor(private readonly pages: SitePages) {}

  @PublicPage()
  @Get('about')
  @Render('site/page')
  about() {
    return this.pages.page('about');
  }

  @PublicPage()
  @Get('privacy')
  @Render('site/page')
  privacy() {
    return this.pages.page('privacy');
  }

  @PublicPage()
  @Get('contact')
  @Render('site/page')
  contact() {
    return this.pages.page('contact');
  }

  @Get('admin/site/pages/:key')
  @Roles(...STAFF)
  @Render('admin/site-page')
  edit(@Param('key') key: string) {
    return this.pages.editForm(key);
  }

  @Post('admin/site/pages/:key')
  @Roles(...STAFF)
  @FormPage('admin/site-page', SitePages, 'editPage')
  save(@Param('key') key: string, @Body() form: SitePageDto, @CurrentMember() staff: SessionMember) {
    return this.pages.save(key, form, staff);
  }
}
