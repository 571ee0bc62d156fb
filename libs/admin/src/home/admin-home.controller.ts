import { Controller, Get, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles, STAFF } from '@roundtable/auth';
import { FormPage } from '@roundtable/core';
import { AdminHome } from './admin-home.service';

/** Staff's home: what waits for them and how the council stands, each linking to its page. */
@ApiExcludeController()
@Roles(...STAFF)
@Controller('admin')
export class AdminHomeController {
  constructor(private readonly home: AdminHome) {}

  @Get()
  @Render('admin/home')
  page() {
    return this.home.page();
  }

  @Post('refresh')
  @FormPage()
  refresh() {
    return this.home.requestRefresh();
  }
}
