import { registerAs } from '@nestjs/config';
import { IsOptional, IsString, Matches } from 'class-validator';
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
}

export const mailConfig = registerAs('mail', () => {
  const env = validateEnvironment(process.env, MailEnvironmentVariables);
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM };
});
