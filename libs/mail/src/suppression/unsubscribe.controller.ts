import { Controller, Get, HttpCode, Param, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { UnsubscribeService } from './unsubscribe.service';

/**
 * The unsubscribe link of bulk mail: GET shows a confirm button, POST (the button, or a mail client's
 * one-click `List-Unsubscribe-Post`, which carries no CSRF token: the link's token authorises it) acts.
 */
@ApiExcludeController()
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  @Get(':token')
  @Render('mail/unsubscribe')
  confirm(@Param('token') token: string) {
    return this.unsubscribes.confirmPage(token);
  }

  @Post(':token')
  @HttpCode(200)
  @Render('mail/unsubscribe')
  unsubscribe(@Param('token') token: string) {
    return this.unsubscribes.unsubscribe(token);
  }
}
