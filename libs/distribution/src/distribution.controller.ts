import { Body, Controller, Get, Param, Post, Query, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { CurrentMember, Roles, type SessionMember, STAFF } from '@roundtable/auth';
import { ConfirmDto, fileDownload, FormPage } from '@roundtable/core';
import { DistributionService } from './distribution.service';
import { ExtendSurveyDto, ResendLinkDto, StaffActionDto } from './distribution.dto';
import { ProgressPages } from './progress/progress-pages.service';
import { ResponsesExport } from './progress/responses-export.service';
import { SkewReminderDto } from './targeting/skew-reminder.dto';
import { SkewReminders } from './targeting/skew-reminders.service';

/**
 * Staff's console for a survey's distribution: progress, send, remind (all, or the
 * under-represented segments), resend, close, extend, export.
 * Every action answers 303 to the progress page with a flash, or that page again with 422.
 */
@ApiExcludeController()
@Controller('admin/surveys/:id')
@Roles(...STAFF)
export class DistributionController {
  constructor(
    private readonly distribution: DistributionService,
    private readonly pages: ProgressPages,
    private readonly exports: ResponsesExport,
    private readonly skew: SkewReminders,
  ) {}

  @Get('progress')
  @Render('distribution/progress')
  progress(@Param('id') id: string, @CurrentMember() staff: SessionMember) {
    return this.pages.page({ member: staff, params: { id } });
  }

  @Post('send')
  @FormPage('distribution/progress', ProgressPages, 'page')
  send(@Param('id') id: string, @Body() _form: StaffActionDto) {
    return this.distribution.send(id);
  }

  @Post('remind')
  @FormPage('distribution/progress', ProgressPages, 'page')
  remind(@Param('id') id: string, @Body() _form: StaffActionDto) {
    return this.distribution.remindNow(id);
  }

  /** The preview of a targeted round (a GET form: asking changes nothing). */
  @Get('remind-skew')
  @Render('distribution/skew-reminder')
  remindSkewPreview(
    @Param('id') id: string,
    @Query('dimension') dimension: unknown,
    @Query('threshold') threshold: unknown,
    @CurrentMember() staff: SessionMember,
  ) {
    const asked = {
      dimension: typeof dimension === 'string' ? dimension : '',
      threshold: typeof threshold === 'string' ? threshold.trim() : '',
    };
    return this.skew.page({ member: staff, params: { id, ...asked } });
  }

  @Post('remind-skew')
  @FormPage('distribution/skew-reminder', SkewReminders, 'page')
  remindSkew(@Param('id') id: string, @Body() form: SkewReminderDto) {
    return this.skew.confirm(id, form);
  }

  @Post('resend')
  @FormPage('distribution/progress', ProgressPages, 'page')
  resend(@Param('id') id: string, @Body() form: ResendLinkDto) {
    return this.distribution.resend(id, form);
  }

  @Get('close')
  @Render('confirm')
  closeConfirm(@Param('id') id: string, @CurrentMember() staff: SessionMember) {
    return this.pages.closeConfirmPage({ member: staff, params: { id } });
  }

  @Post('close')
  @FormPage('confirm', ProgressPages, 'closeConfirmPage')
  close(@Param('id') id: string, @Body() _form: ConfirmDto) {
    return this.distribution.close(id);
  }

  @Post('extend')
  @FormPage('distribution/progress', ProgressPages, 'page')
  extend(@Param('id') id: string, @Body() form: ExtendSurveyDto) {
    return this.distribution.extend(id, form);
  }

  /** The responses as CSV, streamed from one cursor. */
  @Get('responses.csv')
  async export(@Param('id') id: string) {
    const { filename, lines } = await this.exports.open(id);
    return fileDownload(Readable.from(lines), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${filename}"`,
      what: `the responses of survey ${id}`,
    });
  }
}
