import { Body, Controller, Get, Ip, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { LinkRequests } from '../links/link-requests.service';
import { noticeParam, sendPage } from './page-result';
import { ResponsePages } from './response-pages.service';

/**
 * The survey link from the invitation email: `/s/<token>`, no sign-in. The token is the key, so
 * these forms carry no CSRF token (a cross-site form cannot know it) and start no session.
 */
@ApiExcludeController()
@Controller('s')
export class ResponseController {
  constructor(
    private readonly pages: ResponsePages,
    private readonly linkRequests: LinkRequests,
  ) {}

  /** "Send me a new link" from a dead link's page (declared before `:token`, which it would match). */
  @Post('new-link')
  async newLink(@Body() body: Record<string, unknown>, @Ip() ip: string, @Res() res: Response) {
    sendPage(res, await this.linkRequests.request(body, ip));
  }

  @Get(':token')
  async show(@Param('token') token: string, @Query() query: Record<string, unknown>, @Res() res: Response) {
    sendPage(res, await this.pages.showByToken(token, noticeParam(query)));
  }

  @Post(':token')
  async answer(@Param('token') token: string, @Body() body: Record<string, unknown>, @Res() res: Response) {
    sendPage(res, await this.pages.answerByToken(token, body));
  }
}
