import { Controller, Get, Param, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles, STAFF } from '@roundtable/auth';
import { TrendsPages } from './trends-pages.service';

/** The console's Trends tab for a survey that is a wave of earlier ones. */
@ApiExcludeController()
@Controller('admin/reports')
@Roles(...STAFF)
export class TrendsController {
  constructor(private readonly pages: TrendsPages) {}

  @Get(':id/trends')
  @Render('reporting/admin-trends')
  trends(@Param('id') id: string) {
    return this.pages.trendsPage(id);
  }
}
