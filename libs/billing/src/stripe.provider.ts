import type { ConfigType } from '@nestjs/config';
import Stripe from 'stripe';
import { billingConfig } from './billing.config';

export const STRIPE = Symbol('Stripe');

/** One Stripe client, pointed at STRIPE_API_URL when set (stripe-mock), else at Stripe. */
export const stripeProvider = {
  provide: STRIPE,
  inject: [billingConfig.KEY],
  useFactory: (config: ConfigType<typeof billingConfig>): Stripe => {
    const target = config.apiUrl ? new URL(config.apiUrl) : null;
    return new Stripe(config.secretKey, {
      maxNetworkRetries: 2,
      timeout: 15_000,
      telemetry: false,
      ...(target
        ? {
            host: target.hostname,
            port: target.port || (target.protocol === 'https:' ? 443 : 80),
            protocol: target.protocol.replace(':', '') as 'http' | 'https',
          }
        : {}),
    });
  },
};
