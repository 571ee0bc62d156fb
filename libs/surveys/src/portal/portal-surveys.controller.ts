import { Controller, Get, Param, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, MEMBERS_AND_STAFF, Roles, type SessionMember } from '@roundtable/auth';
import { NoticeQuery, SurveyPage } from '../responses/page-result';
import { AnswerBody, ResponseAnswerDto, ResponseAnswerPipe } from '../responses/response-answer.dto';
import { ResponsePages } from '../responses/response-pages.service';
import { PortalSurveys } from './portal-surveys.service';

/** The portal's open surveys, and the same response form for the signed-in member (no token needed). */
@ApiExcludeController()
@Controller('portal/surveys')
@Roles(...MEMBERS_AND_STAFF)
export class PortalSurveysController {
  constructor(
    private readonly portal: PortalSurveys,
    private readonly pages: ResponsePages,
  ) {}

  @Get()
  @Render('surveys/portal-list')
  list(@CurrentMember() member: SessionMember) {
    return this.portal.listPage(member.id);
  }

  @Get(':surveyId')
  @SurveyPage()
  show(
    @CurrentMember() member: SessionMember,
    @Param('surveyId') surveyId: string,
    @NoticeQuery() notice: 'saved' | 'done' | 'updated' | undefined,
  ) {
    return this.pages.showForMember(surveyId, member.id, notice);
  }

  @Post(':surveyId')
  @SurveyPage('answer')
  answer(
    @CurrentMember() member: SessionMember,
    @Param('surveyId') surveyId: string,
    @AnswerBody(ResponseAnswerPipe) answer: ResponseAnswerDto,
  ) {
    return this.pages.answerForMember(surveyId, member.id, answer);
  }
}
