import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles, STAFF } from '@roundtable/auth';
import { CensusApiQuery, CensusResultDto } from './census-result.dto';
import { CensusPages } from './census-pages.service';

/** The census result as JSON, for staff's own tools (signed-in staff session). */
@ApiTags('census')
@ApiUnauthorizedResponse({ description: 'Not signed in' })
@ApiForbiddenResponse({ description: 'Signed in, not staff' })
@ApiNotFoundResponse({ description: 'No census computed yet (or none on that date)' })
@Controller('api/census')
@Roles(...STAFF)
export class CensusApiController {
  constructor(private readonly pages: CensusPages) {}

  @Get()
  @ApiOperation({ summary: 'The census of the role: population, arrivals, departures, tenure, coverage, segments' })
  @ApiOkResponse({ type: CensusResultDto })
  census(@Query() query: CensusApiQuery) {
    return this.pages.result(query.as_of);
  }
}
