import { Controller, Get, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, STAFF } from '@roundtable/auth';
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
  async refresh(@Res() res: Response) {
    await this.home.requestRefresh();
    res.redirect(303, '/admin?refreshing=1');
  }
}
