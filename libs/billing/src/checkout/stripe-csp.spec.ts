import { allowFormsToStripe } from './stripe-csp';

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
