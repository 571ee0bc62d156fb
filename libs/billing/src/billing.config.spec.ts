import { billingConfig } from './billing.config';

describe('billingConfig', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  const load = (env: Record<string, string>) => {
    process.env = { STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: 'whsec_abc', ...env };
    return billingConfig();
  };

  it("sends members to Stripe's own pages unless the local stand-in is configured", () => {
    expect(load({})).toMatchObject({ checkoutUrl: null, portalUrl: null });
    expect(
      load({
        STRIPE_CHECKOUT_URL: 'http://127.0.0.1:8091/checkout/',
        STRIPE_PORTAL_URL: 'http://127.0.0.1:8091/portal',
      }),
    ).toMatchObject({ checkoutUrl: 'http://127.0.0.1:8091/checkout', portalUrl: 'http://127.0.0.1:8091/portal' });
  });

  it('refuses a malformed address, naming the variable', () => {
    expect(() => load({ STRIPE_CHECKOUT_URL: 'not a url' })).toThrow(/STRIPE_CHECKOUT_URL/);
  });

  it('refuses the stand-in with a live key', () => {
    expect(() => load({ STRIPE_SECRET_KEY: 'sk_live_abc', STRIPE_PORTAL_URL: 'http://127.0.0.1:8091/portal' })).toThrow(
      /STRIPE_PORTAL_URL point members at a local stand-in/,
    );
  });
});
