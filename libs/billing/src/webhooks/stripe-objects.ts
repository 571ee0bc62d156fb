/**
 * Reading the Stripe objects inside webhook events. Events are read as plain JSON, defensively:
 * fields moved between API versions (a subscription's period end now lives on its items), and a
 * handler must not crash on a field it does not need.
 */
type Json = Record<string, unknown>;

const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
/** A Stripe reference is an id or an expanded object with an id. */
const ref = (value: unknown): string | null => str(value) ?? str(obj(value).id);
const first = (list: unknown): Json => obj((obj(list).data as unknown[] | undefined)?.[0]);

export function checkoutSessionFacts(session: Json) {
  const metadata = obj(session.metadata);
  return {
    memberId: str(session.client_reference_id) ?? str(metadata.memberId),
    customerId: ref(session.customer),
    subscriptionId: ref(session.subscription),
    tier: str(metadata.tier),
  };
}

export function subscriptionFacts(subscription: Json) {
  const item = first(subscription.items);
  const periodEnd = num(item.current_period_end) ?? num(subscription.current_period_end);
  return {
    subscriptionId: str(subscription.id),
    customerId: ref(subscription.customer),
    memberId: str(obj(subscription.metadata).memberId),
    status: str(subscription.status) ?? 'unknown',
    cancelAtPeriodEnd: subscription.cancel_at_period_end === true,
    priceId: ref(obj(item.price).id ?? item.price),
    periodEnd: periodEnd ? new Date(periodEnd * 1000) : null,
  };
}

export function invoiceFacts(invoice: Json) {
  const line = first(invoice.lines);
  const end = num(obj(line.period).end) ?? num(invoice.period_end);
  return {
    customerId: ref(invoice.customer),
    periodEnd: end ? new Date(end * 1000) : null,
  };
}
