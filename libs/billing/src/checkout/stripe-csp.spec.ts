import { allowFormsToStripe, hostedPageOrigins } from './stripe-csp';

describe(allowFormsToStripe.name, () => {
  it("widens form-action to Stripe's hosted pages and leaves every other directive alone", () => {
    const policy = "default-src 'self';form-action 'self';script-src 'self';img-src 'self' data: https:";
    expect(allowFormsToStripe(policy)).toBe(
      "default-src 'self';form-action 'self' https://checkout.stripe.com https://billing.stripe.com;" +
        "script-src 'self';img-src 'self' data: https:",
    );
  });

  it('adds nothing when the policy does not restrict forms (no directive means no limit)', () => {
    expect(allowFormsToStripe("default-src 'self'")).toBe("default-src 'self'");
  });
});

describe(hostedPageOrigins.name, () => {
  it("is Stripe's two origins when no stand-in is configured", () => {
    expect(hostedPageOrigins({ checkoutUrl: null, portalUrl: null })).toEqual([
      'https://checkout.stripe.com',
      'https://billing.stripe.com',
    ]);
  });

  it("is the local stand-in's origin when its pages are configured, once in the policy", () => {
    const origins = hostedPageOrigins({
      checkoutUrl: 'http://127.0.0.1:8091/checkout',
      portalUrl: 'http://127.0.0.1:8091/portal',
    });
    expect(origins).toEqual(['http://127.0.0.1:8091', 'http://127.0.0.1:8091']);
    expect(allowFormsToStripe("form-action 'self'", origins)).toBe("form-action 'self' http://127.0.0.1:8091");
  });
});
