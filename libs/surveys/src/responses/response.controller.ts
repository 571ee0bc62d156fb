import { Body, Controller, Get, Ip, Param, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { LinkRequests } from '../links/link-requests.service';
import { NoticeQuery, SurveyPage } from './page-result';
import { AnswerBody, ResponseAnswerDto, ResponseAnswerPipe } from './response-answer.dto';
import { ResponsePages } from './response-pages.service';
import { NewLinkDto } from './new-link.dto';

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
  @SurveyPage('new-link')
  newLink(@Body() form: NewLinkDto, @Ip() ip: string) {
    return this.linkRequests.request(form, ip);
  }

  @Get(':token')
  @SurveyPage()
  show(@Param('token') token: string, @NoticeQuery() notice: 'saved' | 'done' | 'updated' | undefined) {
    return this.pages.showByToken(token, notice);
  }

  @Post(':token')
  @SurveyPage('answer')
  answer(@Param('token') token: string, @AnswerBody(ResponseAnswerPipe) answer: ResponseAnswerDto) {
    return this.pages.answerByToken(token, answer);
  }
}
