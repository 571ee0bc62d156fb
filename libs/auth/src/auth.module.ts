import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { MembersModule } from '@roundtable/members';
import { authConfig } from './auth.config';
import { RolesGuard } from './roles.guard';
import { SessionMiddleware } from './session.middleware';
import { SessionService } from './session.service';

/** Sessions, CSRF, `request.member`, and the global roles/entitlements guard. */
@Module({
  imports: [ConfigModule.forFeature(authConfig), MembersModule],
  providers: [SessionService, SessionMiddleware, { provide: APP_GUARD, useClass: RolesGuard }],
  exports: [SessionService],
})
export class AuthModule implements NestModule {
  constructor(private readonly sessionMiddleware: SessionMiddleware) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(...this.sessionMiddleware.handlers()).forRoutes({ path: '*splat', method: RequestMethod.ALL });
  }
}
