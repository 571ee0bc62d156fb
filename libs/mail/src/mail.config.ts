import { registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { validateEnvironment } from '@roundtable/core';

/** The variables of outgoing email. */
export class MailEnvironmentVariables {
  /** Where mail is handed over: the local sink in development and tests, a relay in production. */
  @IsString()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL: string;

  @IsOptional()
  @IsString()
  MAIL_FROM = 'Roundtable Council <council@roundtable.local>';

  /** SMTP connections kept open by the pooled transport (per worker process). */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'MAIL_POOL_SIZE must be a whole number of connections' })
  @Min(1)
  @Max(50)
  MAIL_POOL_SIZE = 5;

  /** Messages a second each worker process hands to the relay at most (a relay's sending limit). */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'MAIL_RATE_PER_SECOND must be a whole number of messages a second' })
  @Min(1)
  @Max(10_000)
  MAIL_RATE_PER_SECOND = 50;
}

export const mailConfig = registerAs('mail', () => {
  const env = validateEnvironment(process.env, MailEnvironmentVariables);
  return {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    poolSize: Number(env.MAIL_POOL_SIZE),
    ratePerSecond: Number(env.MAIL_RATE_PER_SECOND),
  };
});
