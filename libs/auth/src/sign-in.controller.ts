import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Redirect,
  Render,
  Req,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { FormPage } from '@roundtable/core';
import { CurrentMember } from './current-member.decorator';
import { RequestLinkDto, UseCodeDto } from './email-link/sign-in.dto';
import { LinkedInAuthGuard } from './linkedin/linkedin-auth.guard';
import { Roles } from './roles.guard';
import { SIGNED_IN } from './roles';
import type { SessionMember } from './sessions/session-member';
import { SignInPages } from './sign-in-pages.service';
import { SignInProblemFilter } from './sign-in-problem.filter';

/**
 * The sign-in pages: LinkedIn, the email link (or its code), and signing out. Handlers that start
 * or end a session take the request (`@Req()`): the session lives on it.
 */
@ApiExcludeController()
@Controller()
export class SignInController {
  constructor(private readonly pages: SignInPages) {}

  @Get('sign-in')
  @FormPage('auth/sign-in')
  signInPage(
    @CurrentMember() member: SessionMember | undefined,
    @Query('returnTo') returnTo?: string,
    @Query('signedOut') signedOut?: string,
  ) {
    return this.pages.signInPage(member, returnTo, signedOut);
  }

  @Post('sign-in/email')
  @FormPage('auth/sign-in', SignInPages, 'signInForm')
  requestLink(@Req() req: Request, @Body() form: RequestLinkDto) {
    return this.pages.requestLink(form, req);
  }

  @Get('sign-in/check-email')
  @FormPage('auth/check-email')
  checkEmailPage(@Req() req: Request) {
    return this.pages.checkEmailPage(req);
  }

  @Get('sign-in/email/:token')
  @UseFilters(SignInProblemFilter)
  @Render('auth/confirm')
  confirmPage(@Param('token') token: string) {
    return this.pages.confirmPage(token);
  }

  @Post('sign-in/email/:token')
  @UseFilters(SignInProblemFilter)
  @FormPage()
  useLink(@Req() req: Request, @Param('token') token: string) {
    return this.pages.useLink(token, req);
  }

  @Post('sign-in/code')
  @FormPage('auth/check-email', SignInPages, 'checkEmailForm')
  useCode(@Req() req: Request, @Body() form: UseCodeDto) {
    return this.pages.useCode(form, req);
  }

  @Get('auth/linkedin')
  @UseGuards(LinkedInAuthGuard)
  startLinkedIn() {
    // The guard has already redirected to LinkedIn.
  }

  @Get('auth/linkedin/callback')
  @UseFilters(SignInProblemFilter)
  @UseGuards(LinkedInAuthGuard)
  @Redirect('/', 303)
  linkedInCallback(@Req() req: Request) {
    return this.pages.linkedInSignedIn(req);
  }

  @Post('sign-out')
  @FormPage()
  signOut(@Req() req: Request) {
    return this.pages.signOut(req);
  }

  @Post('sign-out/everywhere')
  @Roles(...SIGNED_IN)
  @FormPage()
  signOutEverywhere(@CurrentMember() member: SessionMember, @Req() req: Request) {
    return this.pages.signOutEverywhere(member, req);
  }
}
