import { Controller, Get, HttpStatus, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, MongooseHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { APP_VERSION } from '../version';

/**
 * Liveness and readiness for load balancers: 200 when the database answers a ping, 503 when not. The
 * body keeps Terminus's report (`status`, `info`, `error`, `details`) either way, plus the version.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongoose: MongooseHealthIndicator,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'The database answers' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  async check(@Res({ passthrough: true }) response: Response) {
    try {
      const result = await this.health.check([() => this.mongoose.pingCheck('database', { timeout: 1500 })]);
      return { ...result, version: APP_VERSION };
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) {
        throw error;
      }
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { ...(error.getResponse() as object), version: APP_VERSION };
    }
  }
}
