/** Where the membership page's forms end by default: Stripe's hosted Checkout and Customer Portal. */
export const STRIPE_FORM_ORIGINS = ['https://checkout.stripe.com', 'https://billing.stripe.com'];

/**
 * The membership page's forms answer with a 303 to Stripe, and browsers hold a form's redirects to
 * the page's CSP `form-action` too, so the app-wide `form-action 'self'` would stop members at our
 * door. Widens it for that page only, to the given origins (Stripe's two, or the local stand-in's).
 * Pure: takes and returns the header.
 */
export function allowFormsToStripe(policy: string, origins: readonly string[] = STRIPE_FORM_ORIGINS): string {
  const directives = policy.split(';').map((part) => part.trim());
  const index = directives.findIndex((part) => part.startsWith('form-action'));
  const widened = `form-action 'self' ${[...new Set(origins)].join(' ')}`;
  if (index === -1) {
    return policy;
  }
  directives[index] = widened;
  return directives.join(';');
}

/** The origins members are sent to: the configured stand-in's pages, else Stripe's. */
export function hostedPageOrigins(config: { checkoutUrl: string | null; portalUrl: string | null }): string[] {
  return [
    config.checkoutUrl ? new URL(config.checkoutUrl).origin : STRIPE_FORM_ORIGINS[0],
    config.portalUrl ? new URL(config.portalUrl).origin : STRIPE_FORM_ORIGINS[1],
  ];
}
