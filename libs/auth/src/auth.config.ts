import { registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { validateEnvironment } from '@roundtable/core';

/** The variables of sessions and sign-in. */
export class AuthEnvironmentVariables {
  /** Signs session cookies; at least 32 random characters (`openssl rand -hex 32`). */
  @IsString()
  @MinLength(32, { message: 'SESSION_SECRET must be at least 32 characters long' })
  SESSION_SECRET: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  SESSION_MAX_AGE_DAYS = 14;

  /** The LinkedIn app's credentials (Sign In with LinkedIn using OpenID Connect). */
  @IsString()
  LINKEDIN_CLIENT_ID: string;

  @IsString()
  LINKEDIN_CLIENT_SECRET: string;

  /** LinkedIn's endpoints; tests and `npm start` point them at the local OpenID Connect provider. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  LINKEDIN_AUTHORIZATION_URL = 'https://www.linkedin.com/oauth/v2/authorization';

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  LINKEDIN_TOKEN_URL = 'https://www.linkedin.com/oauth/v2/accessToken';

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  LINKEDIN_USERINFO_URL = 'https://api.linkedin.com/v2/userinfo';
}

export const authConfig = registerAs('auth', () => {
  const env = validateEnvironment(process.env, AuthEnvironmentVariables);
  const baseUrl = process.env.APP_BASE_URL ?? 'http://localhost:3000';
  return {
    sessionSecret: env.SESSION_SECRET,
    sessionMaxAgeMs: env.SESSION_MAX_AGE_DAYS * 24 * 60 * 60 * 1000,
    /** Secure cookies whenever the site is served over HTTPS. */
    secureCookies: baseUrl.startsWith('https://'),
    linkedIn: {
      clientId: env.LINKEDIN_CLIENT_ID,
      clientSecret: env.LINKEDIN_CLIENT_SECRET,
      authorizationUrl: env.LINKEDIN_AUTHORIZATION_URL,
      tokenUrl: env.LINKEDIN_TOKEN_URL,
      userinfoUrl: env.LINKEDIN_USERINFO_URL,
      callbackUrl: `${baseUrl.replace(/\/$/, '')}/auth/linkedin/callback`,
    },
  };
});

export const SESSION_COOKIE = 'rt.sid';
export const SESSIONS_COLLECTION = 'sessions';
