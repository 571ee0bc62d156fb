import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Render,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { MemberRecord } from '@roundtable/members';
import { EmailSignInService } from './email-link/email-sign-in.service';
import { LinkedInAuthGuard } from './linkedin/linkedin-auth.guard';
import { Roles } from './roles.guard';
import { SIGNED_IN } from './roles';
import { SessionService } from './session.service';
import { SignInPages } from './sign-in.pages';
import { SignInProblemFilter } from './sign-in-problem.filter';

/** The sign-in pages: LinkedIn, the email link, and signing out. */
@ApiExcludeController()
@Controller()
export class SignInController {
  constructor(
    private readonly pages: SignInPages,
    private readonly emailSignIn: EmailSignInService,
    private readonly sessions: SessionService,
  ) {}

  @Get('sign-in')
  signInPage(@Req() req: Request, @Res() res: Response, @Query('returnTo') returnTo?: string) {
    const page = this.pages.signInPage(req, returnTo);
    return page.redirect ? res.redirect(303, page.redirect) : res.render('auth/sign-in', page.model);
  }

  @Post('sign-in/email')
  async requestLink(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>) {
    const page = await this.pages.requestLink(body, req.ip ?? 'unknown');
    res.status(page.status).render(page.view, page.model);
  }

  @Get('sign-in/email/:token')
  @UseFilters(SignInProblemFilter)
  @Render('auth/confirm')
  async confirmPage(@Param('token') token: string) {
    const { email } = await this.emailSignIn.checkLink(token);
    return { title: 'Confirm sign-in', email, token };
  }

  @Post('sign-in/email/:token')
  @UseFilters(SignInProblemFilter)
  async useLink(@Req() req: Request, @Res() res: Response, @Param('token') token: string) {
    const { member, returnTo } = await this.emailSignIn.consumeLink(token);
    await this.sessions.signIn(req, String(member._id));
    res.redirect(303, this.pages.landingFor(member, returnTo));
  }

  @Post('sign-in/code')
  async useCode(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>) {
    const result = await this.pages.useCode(body);
    if ('view' in result) {
      return res.status(result.status).render(result.view, result.model);
    }
    await this.sessions.signIn(req, String(result.member._id));
    return res.redirect(303, this.pages.landingFor(result.member, result.returnTo));
  }

  @Get('auth/linkedin')
  @UseGuards(LinkedInAuthGuard)
  startLinkedIn() {
    // The guard has already redirected to LinkedIn.
  }

  @Get('auth/linkedin/callback')
  @UseFilters(SignInProblemFilter)
  @UseGuards(LinkedInAuthGuard)
  async linkedInCallback(@Req() req: Request, @Res() res: Response) {
    const member = req.user as MemberRecord;
    const { returnTo } = await this.sessions.signIn(req, String(member._id));
    res.redirect(303, this.pages.landingFor(member, returnTo ?? null));
  }

  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response) {
    await this.sessions.signOut(req);
    res.redirect(303, '/sign-in?signedOut=1');
  }

  @Post('sign-out/everywhere')
  @Roles(...SIGNED_IN)
  async signOutEverywhere(@Req() req: Request, @Res() res: Response) {
    await this.sessions.signOutEverywhere(req.member!.id, req);
    res.redirect(303, '/sign-in?signedOut=everywhere');
  }

  /** For API clients that keep a session: the token to send as `x-csrf-token`. */
  @Get('api/auth/csrf')
  @HttpCode(200)
  csrf(@Req() req: Request) {
    return { csrfToken: req.csrfToken?.() ?? '' };
  }
}
