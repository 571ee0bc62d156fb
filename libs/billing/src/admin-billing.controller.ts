import { Body, Controller, Get, Param, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ADMIN, Roles, STAFF } from '@roundtable/auth';
import { ValidationError } from '@roundtable/core';
import { BillingPages } from './billing-pages.service';

/** Staff's billing report and admins' tier editor. */
@ApiExcludeController()
@Controller('admin')
export class AdminBillingController {
  constructor(private readonly pages: BillingPages) {}

  @Get('billing')
  @Roles(...STAFF)
  @Render('admin/billing')
  report() {
    return this.pages.adminReport();
  }

  @Get('tiers')
  @Roles(...ADMIN)
  @Render('admin/tiers')
  tiers() {
    return this.pages.tiersPage();
  }

  @Post('tiers/:slug')
  @Roles(...ADMIN)
  async updateTier(@Param('slug') slug: string, @Body() body: Record<string, unknown>, @Res() res: Response) {
    const problem = await this.pages.updateTier(slug, body).then(
      () => null,
      (error: unknown) => (error instanceof ValidationError ? error.message : Promise.reject(error)),
    );
    if (problem) {
      return res.status(422).render('admin/tiers', await this.pages.tiersPage({ [slug]: problem }, { [slug]: body }));
    }
    return res.redirect(303, '/admin/tiers');
  }
}
