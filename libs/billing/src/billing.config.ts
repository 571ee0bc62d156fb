import { registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { EnvironmentError, validateEnvironment } from '@roundtable/core';

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

  /**
   * Where members pay and manage their membership instead of Stripe's hosted pages: the local
   * stand-in (tools/servers/stripe-pages.js) for `npm start` and tests. Members are sent to
   * `<url>/<session id>`. Unset in production: Stripe's own Checkout and Customer Portal.
   */
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'STRIPE_CHECKOUT_URL must be an http(s) URL' },
  )
  STRIPE_CHECKOUT_URL?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'STRIPE_PORTAL_URL must be an http(s) URL' })
  STRIPE_PORTAL_URL?: string;

  /** Days a past-due membership keeps its entitlements before it lapses. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(90)
  BILLING_GRACE_DAYS = 14;
}

/** The hosted-page settings make sense only with a test key: a live key means real Stripe and its own pages. */
function refuseStandInWithLiveKey(env: BillingEnvironmentVariables): void {
  const standIn = ['STRIPE_CHECKOUT_URL', 'STRIPE_PORTAL_URL'].filter(
    (name) => env[name as 'STRIPE_CHECKOUT_URL' | 'STRIPE_PORTAL_URL'],
  );
  if (standIn.length > 0 && /^(sk|rk)_live_/.test(env.STRIPE_SECRET_KEY)) {
    throw new EnvironmentError([
      `${standIn.join(' and ')} point members at a local stand-in for Stripe's pages; ` +
        'unset them when STRIPE_SECRET_KEY is a live key',
    ]);
  }
}

export const billingConfig = registerAs('billing', () => {
  const env = validateEnvironment(process.env, BillingEnvironmentVariables);
  refuseStandInWithLiveKey(env);
  return {
    secretKey: env.STRIPE_SECRET_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    apiUrl: env.STRIPE_API_URL ?? null,
    graceDays: env.BILLING_GRACE_DAYS,
    checkoutUrl: env.STRIPE_CHECKOUT_URL?.replace(/\/+$/, '') ?? null,
    portalUrl: env.STRIPE_PORTAL_URL?.replace(/\/+$/, '') ?? null,
  };
});
