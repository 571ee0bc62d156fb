import { Body, Controller, Get, Param, Post, Query, Redirect, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { Roles, STAFF } from '@roundtable/auth';
import { DistributionService } from './distribution.service';
import { ExtendSurveyDto, ResendLinkDto, StaffActionDto } from './distribution.dto';
import { ProgressPages } from './progress/progress-pages.service';
import { ResponsesExport } from './progress/responses-export.service';

/** Staff's console for a survey's distribution: progress, send, remind, resend, close, extend, export. */
@ApiExcludeController()
@Controller('admin/surveys/:id')
@Roles(...STAFF)
export class DistributionController {
  constructor(
    private readonly distribution: DistributionService,
    private readonly pages: ProgressPages,
    private readonly exports: ResponsesExport,
  ) {}

  @Get('progress')
  @Render('distribution/progress')
  progress(@Param('id') id: string, @Query('done') done?: string) {
    return this.pages.page(id, done);
  }

  @Post('send')
  @Redirect()
  send(@Param('id') id: string, @Body() _form: StaffActionDto) {
    return this.distribution.send(id);
  }

  @Post('remind')
  @Redirect()
  remind(@Param('id') id: string, @Body() _form: StaffActionDto) {
    return this.distribution.remindNow(id);
  }

  @Post('resend')
  @Redirect()
  resend(@Param('id') id: string, @Body() form: ResendLinkDto) {
    return this.distribution.resend(id, form.email);
  }

  @Post('close')
  @Redirect()
  close(@Param('id') id: string, @Body() _form: StaffActionDto) {
    return this.distribution.close(id);
  }

  @Post('extend')
  @Redirect()
  extend(@Param('id') id: string, @Body() form: ExtendSurveyDto) {
    return this.distribution.extend(id, new Date(form.closesAt));
  }

  /** Streams the CSV (the one handler here that writes the response itself). */
  @Get('responses.csv')
  async export(@Param('id') id: string, @Res() res: Response) {
    const { filename, lines } = await this.exports.open(id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    Readable.from(lines).pipe(res);
  }
}
