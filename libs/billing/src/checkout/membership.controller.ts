import { Body, Controller, Get, Post, Query, Render, Res } from '@nestjs/common';
import {
  ApiExcludeEndpoint,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentMember, RequiresEntitlement, Roles, type SessionMember, SIGNED_IN } from '@roundtable/auth';
import { FormPage } from '@roundtable/core';
import { BillingPages } from '../report/billing-pages.service';
import { CheckoutService } from './checkout.service';
import { CheckoutDto } from './dto/checkout.dto';

/** The membership page, Stripe Checkout and the Customer Portal, and the member's benefits. */
@ApiTags('membership')
@Controller()
export class MembershipController {
  constructor(
    private readonly pages: BillingPages,
    private readonly checkout: CheckoutService,
  ) {}

  @Get('membership')
  @ApiExcludeEndpoint()
  @Render('billing/membership')
  membership(
    @Res({ passthrough: true }) res: Response,
    @CurrentMember() member?: SessionMember,
    @Query('checkout') checkout?: string,
  ) {
    const policy = res.getHeader('Content-Security-Policy');
    if (typeof policy === 'string') {
      res.setHeader('Content-Security-Policy', this.checkout.membershipPagePolicy(policy));
    }
    return this.pages.membershipPage(member, checkout);
  }

  @Post('membership/checkout')
  @ApiExcludeEndpoint()
  @Roles(...SIGNED_IN)
  @FormPage()
  startCheckout(@CurrentMember() member: SessionMember, @Body() form: CheckoutDto) {
    return this.checkout.startCheckout(member, form.tier);
  }

  @Post('membership/manage')
  @ApiExcludeEndpoint()
  @Roles(...SIGNED_IN)
  @FormPage()
  manage(@CurrentMember() member: SessionMember) {
    return this.checkout.openPortal(member);
  }

  /**
   * The same, by link (the payment-failed email): a GET that only sends the signed-in member to their
   * own portal, so a forged cross-site request gains nothing; signed-out people sign in first.
   */
  @Get('membership/portal')
  @ApiExcludeEndpoint()
  @Roles(...SIGNED_IN)
  @FormPage()
  portal(@CurrentMember() member: SessionMember) {
    return this.checkout.openPortal(member);
  }

  @Get('membership/welcome')
  @ApiExcludeEndpoint()
  @Roles(...SIGNED_IN)
  @Render('billing/welcome')
  async welcome(@CurrentMember() member: SessionMember, @Query('session_id') sessionId?: string) {
    await this.checkout.confirmReturn(member, sessionId);
    return { title: 'Thank you', state: member.membership.state };
  }

  /** The tiers on offer with their prices and Stripe price ids (public, like the membership page). */
  @Get('api/tiers')
  tiers() {
    return this.pages.offeredTiers();
  }

  @Get('membership/benefits')
  @ApiExcludeEndpoint()
  @RequiresEntitlement('members_posts')
  @Render('billing/benefits')
  benefitsPage(@CurrentMember() member: SessionMember) {
    return { title: 'Your membership benefits', ...this.pages.benefits(member) };
  }

  /** What the signed-in member's membership grants, for API clients. */
  @Get('api/membership/benefits')
  @RequiresEntitlement('members_posts')
  @ApiOkResponse({ description: 'The tier, the membership state and what the tier grants' })
  @ApiUnauthorizedResponse({ description: 'Not signed in' })
  @ApiForbiddenResponse({ description: 'The membership does not grant its benefits now (none, lapsed, ...)' })
  benefits(@CurrentMember() member: SessionMember) {
    return this.pages.benefits(member);
  }
}
