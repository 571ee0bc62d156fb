import { Body, Controller, Get, Param, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ADMIN, Roles, STAFF } from '@roundtable/auth';
import { BillingPages } from './billing-pages.service';
import { TierAdmin, TierSaveResult } from '../tiers/tier-admin.service';

/** Staff's billing report and admins' tier editor. */
@ApiExcludeController()
@Controller('admin')
export class AdminBillingController {
  constructor(
    private readonly pages: BillingPages,
    private readonly tierAdmin: TierAdmin,
  ) {}

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
    return this.tierAdmin.page();
  }

  @Post('tiers')
  @Roles(...ADMIN)
  async createTier(@Body() body: Record<string, unknown>, @Res() res: Response) {
    respond(res, await this.tierAdmin.create(body));
  }

  @Post('tiers/:slug')
  @Roles(...ADMIN)
  async updateTier(@Param('slug') slug: string, @Body() body: Record<string, unknown>, @Res() res: Response) {
    respond(res, await this.tierAdmin.update(slug, body));
  }
}

/** Back to the list when saved; otherwise the page again, with the form's values and the problem. */
function respond(res: Response, result: TierSaveResult): void {
  if (result.saved) {
    res.redirect(303, '/admin/tiers');
  } else {
    res.status(result.status).render('admin/tiers', result.view);
  }
}
