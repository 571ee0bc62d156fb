import { Controller, Get, HttpCode, Param, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { UnsubscribeLinks } from './unsubscribe-links.service';

/** Unsubscribe links in comment emails: GET shows a button (mail scanners follow links), POST acts. */
@ApiExcludeController()
@Controller('blog/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly links: UnsubscribeLinks) {}

  @Get(':kind/:token')
  @Render('blog/unsubscribe')
  unsubscribePage(@Param('kind') kind: string, @Param('token') token: string) {
    return this.links.unsubscribePage(kind, token);
  }

  @Post(':kind/:token')
  @HttpCode(200)
  @Render('blog/unsubscribe')
  unsubscribe(@Param('kind') kind: string, @Param('token') token: string) {
    return this.links.unsubscribe(kind, token);
  }
}
