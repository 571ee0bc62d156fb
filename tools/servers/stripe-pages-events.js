// Stripe's side of the local stand-in (tools/servers/stripe-pages.js): the objects its events carry and
// their delivery to the app's webhook, signed with the local webhook secret.
'use strict';
const { randomBytes } = require('node:crypto');
const Stripe = require('stripe');

/**
 * Returns `deliver(events)`: posts `[type, object]` pairs to the app's webhook one after the other, each
 * an event signed as Stripe signs it; a refused delivery is retried a few times, as Stripe retries.
 */
function createDeliverer({ webhookUrl, secret, log }) {
  const signer = new Stripe('sk_test_123');
  let lastCreated = 0;
  return async function deliver(events) {
    for (const [type, object] of events) {
      // Never earlier than the previous event: the app orders a membership's events by `created`.
      lastCreated = Math.max(lastCreated, Math.floor(Date.now() / 1000));
      const event = {
        id: `evt_local_${randomBytes(10).toString('hex')}`,
        object: 'event',
        api_version: '2025-10-29',
        created: lastCreated,
        type,
        data: { object },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
      };
      const payload = JSON.stringify(event);
      let status = 0;
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        const signature = signer.webhooks.generateTestHeaderString({ payload, secret });
        try {
          const response = await fetch(webhookUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'stripe-signature': signature },
            body: payload,
          });
          status = response.status;
        } catch {
          status = 0;
        }
        log(`delivered ${type} ${event.id}: ${status || 'no answer'} (attempt ${attempt})`);
        if (status >= 200 && status < 300) break;
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
      if (status < 200 || status >= 300) {
        throw new Error(`The app did not accept ${type} at ${webhookUrl} (last answer: ${status || 'none'})`);
      }
    }
  };
}

/** A subscription as Stripe's events carry it: stripe-mock's object with what this stand-in knows. */
function subscriptionObject(sub, base) {
  return {
    ...base,
    id: sub.id,
    object: 'subscription',
    customer: sub.customer,
    status: sub.status,
    cancel_at_period_end: sub.cancelAtPeriodEnd,
    canceled_at: sub.cancelAtPeriodEnd ? sub.canceledAt : null,
    current_period_start: sub.periodStart,
    current_period_end: sub.periodEnd,
    metadata: sub.metadata,
    items: {
      object: 'list',
      data: [
        {
          ...(base.items?.data?.[0] ?? {}),
          subscription: sub.id,
          current_period_start: sub.periodStart,
          current_period_end: sub.periodEnd,
          price: { ...(base.items?.data?.[0]?.price ?? {}), id: sub.priceId, object: 'price' },
        },
      ],
    },
  };
}

/** A paid invoice for the subscription's current period, shaped on stripe-mock's invoice. */
function paidInvoice(invoice, sub, tier) {
  return {
    ...invoice,
    customer: sub.customer,
    subscription: sub.id,
    status: 'paid',
    paid: true,
    amount_due: tier ? tier.priceCents : invoice.amount_due,
    amount_paid: tier ? tier.priceCents : invoice.amount_paid,
    billing_reason: 'subscription_create',
    period_start: sub.periodStart,
    period_end: sub.periodEnd,
    lines: {
      object: 'list',
      data: [
        {
          ...(invoice.lines?.data?.[0] ?? {}),
          period: { start: sub.periodStart, end: sub.periodEnd },
          pricing: { price_details: { price: sub.priceId } },
        },
      ],
    },
  };
}

module.exports = { createDeliverer, paidInvoice, subscriptionObject };
