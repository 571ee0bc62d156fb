import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, MongooseHealthIndicator } from '@nestjs/terminus';
import { APP_VERSION } from '../version';

/** Liveness and readiness for load balancers: 200 when the database answers a ping, 503 when not. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongoose: MongooseHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  async check() {
    const result = await this.health.check([() => this.mongoose.pingCheck('database', { timeout: 1500 })]);
    return { ...result, version: APP_VERSION };
  }
}
