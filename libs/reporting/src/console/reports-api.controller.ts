import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles, STAFF } from '@roundtable/auth';
import {
  ProgressTableDto,
  RankingTableDto,
  ResponseRateTableDto,
  SegmentsTableDto,
  SkewTableDto,
  WeightedTableDto,
} from './dto/report-tables.dto';
import { ReportApi } from './report-api.service';

/** Every table of the reporting console as JSON, for staff's own tools (signed-in staff session). */
@ApiTags('reports')
@ApiUnauthorizedResponse({ description: 'Not signed in' })
@ApiForbiddenResponse({ description: 'Signed in, not staff' })
@ApiNotFoundResponse({ description: 'No such survey, or no computed result yet' })
@Controller('api/reports/:surveyId')
@Roles(...STAFF)
export class ReportsApiController {
  constructor(private readonly api: ReportApi) {}

  @Get('ranking')
  @ApiOperation({ summary: 'The ranked items with bootstrap intervals and top-k share, and Kendall’s W' })
  @ApiOkResponse({ type: RankingTableDto })
  ranking(@Param('surveyId') surveyId: string) {
    return this.api.ranking(surveyId);
  }

  @Get('response-rate')
  @ApiOperation({ summary: 'Invited, bounced, eligible, completed and partial responses, and the rate' })
  @ApiOkResponse({ type: ResponseRateTableDto })
  responseRate(@Param('surveyId') surveyId: string) {
    return this.api.responseRate(surveyId);
  }

  @Get('progress')
  @ApiOperation({ summary: 'Completed responses and response rate day by day' })
  @ApiOkResponse({ type: ProgressTableDto })
  progress(@Param('surveyId') surveyId: string) {
    return this.api.progress(surveyId);
  }

  @Get('skew')
  @ApiOperation({ summary: 'Respondents against invited members per profile attribute, with chi-square' })
  @ApiOkResponse({ type: SkewTableDto })
  skew(@Param('surveyId') surveyId: string) {
    return this.api.skew(surveyId);
  }

  @Get('weighted')
  @ApiOperation({ summary: 'The ranking weighted to the invited membership (post-stratification or raking)' })
  @ApiOkResponse({ type: WeightedTableDto })
  weighted(@Param('surveyId') surveyId: string) {
    return this.api.weighted(surveyId);
  }

  @Get('segments')
  @ApiOperation({ summary: 'Rankings per segment; cells below the minimum size carry no figures' })
  @ApiOkResponse({ type: SegmentsTableDto })
  segments(@Param('surveyId') surveyId: string) {
    return this.api.segments(surveyId);
  }
}
