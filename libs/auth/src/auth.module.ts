import { MiddlewareConsumer, Module, NestModule, OnModuleInit, RequestMethod } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { PassportModule } from '@nestjs/passport';
import { MailModule } from '@roundtable/mail';
import { MembersModule } from '@roundtable/members';
import { NavigationRegistry } from '@roundtable/core';
import { EmailSignInService } from './email-link/email-sign-in.service';
import { SignInTokenRepository } from './email-link/sign-in-token.repository';
import {
  SignInToken,
  SignInTokenSchema,
  SignInTokenUse,
  SignInTokenUseSchema,
} from './email-link/sign-in-token.schema';
import { LinkedInIdentity, LinkedInIdentitySchema } from './linkedin/linkedin-identity.schema';
import { LinkedInSignInService } from './linkedin/linkedin-sign-in.service';
import { LinkedInStrategy } from './linkedin/linkedin.strategy';
import { RateLimiter } from './rate-limit/rate-limiter.service';
import { RateLimitAttemptRepository } from './rate-limit/rate-limit-attempt.repository';
import { RateLimitAttempt, RateLimitAttemptSchema } from './rate-limit/rate-limit-attempt.schema';
import { CsrfController } from './csrf.controller';
import { SignInController } from './sign-in.controller';
import { SignInPages } from './sign-in-pages.service';
import { authConfig } from './auth.config';
import { AUTH_NAVIGATION } from './auth.navigation';
import { RolesGuard } from './roles.guard';
import { UploadFormGuard } from './uploads/upload-form';
import { SessionMiddleware } from './sessions/session.middleware';
import { SessionService } from './sessions/session.service';
import { SessionRepository } from './sessions/session.repository';
import { AuthErasure } from './auth-erasure.service';
import { LinkedInIdentityRepository } from './linkedin/linkedin-identity.repository';
import { ExpiredSessions } from './sessions/expired-sessions';

/** Sessions, CSRF, `request.member`, the global roles/entitlements guard, and sign-in (LinkedIn, email link). */
@Module({
  imports: [
    ConfigModule.forFeature(authConfig),
    MembersModule,
    MailModule,
    PassportModule,
    MongooseModule.forFeature([
      { name: SignInToken.name, schema: SignInTokenSchema },
      { name: SignInTokenUse.name, schema: SignInTokenUseSchema },
      { name: LinkedInIdentity.name, schema: LinkedInIdentitySchema },
      { name: RateLimitAttempt.name, schema: RateLimitAttemptSchema },
    ]),
  ],
  controllers: [SignInController, CsrfController],
  providers: [
    SessionService,
    SessionRepository,
    SessionMiddleware,
    ExpiredSessions,
    RateLimiter,
    RateLimitAttemptRepository,
    EmailSignInService,
    SignInTokenRepository,
    LinkedInSignInService,
    LinkedInStrategy,
    SignInPages,
    LinkedInIdentityRepository,
    AuthErasure,
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_GUARD, useClass: UploadFormGuard },
  ],
  exports: [SessionService, RateLimiter, ExpiredSessions, AuthErasure],
})
export class AuthModule implements NestModule, OnModuleInit {
  constructor(
    private readonly sessionMiddleware: SessionMiddleware,
    private readonly navigation: NavigationRegistry,
  ) {}

  onModuleInit(): void {
    this.navigation.register(AUTH_NAVIGATION);
  }

  configure(consumer: MiddlewareConsumer): void {
    // `{*splat}` (optional) also matches the site root; `*splat` would leave `/` without a session.
    consumer.apply(...this.sessionMiddleware.handlers()).forRoutes({ path: '{*splat}', method: RequestMethod.ALL });
  }
}
