import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, type SessionMember } from '@roundtable/auth';
import { JoinPage } from './join.service';

/** `/join`: the one "Become a member" destination of the whole site. */
@ApiExcludeController()
@Controller()
export class JoinController {
  constructor(private readonly join: JoinPage) {}

  @Get('join')
  @Render('site/join')
  page(@CurrentMember() viewer?: SessionMember) {
    return this.join.page(viewer);
  }
}
