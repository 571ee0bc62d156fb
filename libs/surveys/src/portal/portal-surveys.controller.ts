import { Body, Controller, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentMember, MEMBERS_AND_STAFF, Roles, type SessionMember } from '@roundtable/auth';
import { noticeParam, sendPage } from '../responses/page-result';
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
  async show(
    @CurrentMember() member: SessionMember,
    @Param('surveyId') surveyId: string,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ) {
    sendPage(res, await this.pages.showForMember(surveyId, member.id, noticeParam(query)));
  }

  @Post(':surveyId')
  async answer(
    @CurrentMember() member: SessionMember,
    @Param('surveyId') surveyId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ) {
    sendPage(res, await this.pages.answerForMember(surveyId, member.id, body));
  }
}
