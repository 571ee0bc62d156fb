import { Body, Controller, Get, Param, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentMember, Roles, type SessionMember, STAFF } from '@roundtable/auth';
import { PublicPage } from '@roundtable/core';
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
  async save(
    @Param('key') key: string,
    @Body() body: Record<string, unknown>,
    @CurrentMember() staff: SessionMember,
    @Res() res: Response,
  ) {
    const invalid = await this.pages.save(key, body, staff);
    if (invalid) {
      return res.status(422).render('admin/site-page', await this.pages.editForm(key, invalid.values, invalid.errors));
    }
    return res.redirect(303, `/${key}`);
  }
}
