import { Body, Controller, Get, Param, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ADMIN, Roles, STAFF } from '@roundtable/auth';
import { FormPage, ListQuery, type ParsedQuery } from '@roundtable/core';
import { BillingPages } from './billing-pages.service';
import { TierAdmin } from '../tiers/tier-admin.service';
import { NewTierDto, TierDto } from '../tiers/tier.dto';
import { TiersQuery } from '../tiers/tiers-query.dto';
import { EventsQuery } from '../webhooks/events-query.dto';

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

  @Get('billing/events')
  @Roles(...STAFF)
  @Render('admin/billing-events')
  events(@ListQuery(EventsQuery) query: ParsedQuery<EventsQuery>) {
    return this.pages.eventsPage(query);
  }

  @Get('tiers')
  @Roles(...ADMIN)
  @Render('admin/tiers')
  tiers(@ListQuery(TiersQuery) query: ParsedQuery<TiersQuery>) {
    return this.tierAdmin.page({ query });
  }

  @Post('tiers')
  @Roles(...ADMIN)
  @FormPage('admin/tiers', TierAdmin, 'page')
  createTier(@Body() form: NewTierDto) {
    return this.tierAdmin.create(form);
  }

  @Post('tiers/:slug')
  @Roles(...ADMIN)
  @FormPage('admin/tiers', TierAdmin, 'page')
  updateTier(@Param('slug') slug: string, @Body() form: TierDto) {
    return this.tierAdmin.update(slug, form);
  }
}
