import { registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { validateEnvironment } from '@roundtable/core';

/** The variables of billing. */
export class BillingEnvironmentVariables {
  /** Stripe's secret key (sk_live_… or sk_test_…; stripe-mock takes sk_test_123). */
  @IsString()
  @Matches(/^(sk|rk)_(test|live)_\S+$/, {
    message: 'STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_… or sk_live_…)',
  })
  STRIPE_SECRET_KEY: string;

  /** Signs webhook events; from the webhook endpoint in Stripe's dashboard (whsec_…). */
  @IsString()
  @Matches(/^whsec_\S+$/, { message: 'STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…)' })
  STRIPE_WEBHOOK_SECRET: string;

  /** Where the Stripe API is; unset means Stripe itself. stripe-mock in tests and `npm start`. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  STRIPE_API_URL?: string;

  /** Days a past-due membership keeps its entitlements before it lapses. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(90)
  BILLING_GRACE_DAYS = 14;
}

export const billingConfig = registerAs('billing', () => {
  const env = validateEnvironment(process.env, BillingEnvironmentVariables);
  return {
    secretKey: env.STRIPE_SECRET_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    apiUrl: env.STRIPE_API_URL ?? null,
    graceDays: env.BILLING_GRACE_DAYS,
  };
});
