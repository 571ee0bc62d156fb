/** Where the membership page's forms end: Stripe's hosted Checkout and Customer Portal. */
export const STRIPE_FORM_ORIGINS = ['https://checkout.stripe.com', 'https://billing.stripe.com'];

/**
 * The membership page's forms answer with a 303 to Stripe, and browsers hold a form's redirects to
 * the page's CSP `form-action` too, so the app-wide `form-action 'self'` would stop members at our
 * door. Widens it for that page only, to Stripe's two origins. Pure: takes and returns the header.
 */
export function allowFormsToStripe(policy: string): string {
  const directives = policy.split(';').map((part) => part.trim());
  const index = directives.findIndex((part) => part.startsWith('form-action'));
  const widened = `form-action 'self' ${STRIPE_FORM_ORIGINS.join(' ')}`;
  if (index === -1) {
    return policy;
  }
  directives[index] = widened;
  return directives.join(';');
}
