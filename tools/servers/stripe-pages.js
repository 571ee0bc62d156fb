// The local stand-in for Stripe's hosted pages: Checkout and the Customer Portal, so the paid journey
// works offline (`npm start`, browser tests). Runs as its own process:
//   node tools/servers/stripe-pages.js --port 8091 --stripe-mock http://127.0.0.1:12111 \
//     --app http://localhost:3000 --webhook-secret whsec_… [--state-file .data/stripe-pages.json]
// and prints `stripe-pages url=<base>` once listening.
//
// How it fits together:
//   - the app's STRIPE_API_URL points here; every /v1 request passes through to stripe-mock unchanged,
//     and the Checkout and portal sessions the app creates are remembered (stripe-mock is stateless),
//     so retrieving an unknown Checkout Session is a 404 as on Stripe;
//   - the app sends members to STRIPE_CHECKOUT_URL/<session id> (= <base>/checkout/<id>) and
//     STRIPE_PORTAL_URL/<session id> (= <base>/portal/<id>) instead of Stripe's pages;
//   - paying, changing tier, cancelling, renewing and updating the card call stripe-mock for the
//     objects and then deliver the events Stripe would send to <app>/webhooks/stripe, signed with the
//     local webhook secret, one after the other in Stripe's order, retrying a refused delivery.
// Test cards as on Stripe: 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined.
'use strict';
const http = require('node:http');
const { URLSearchParams } = require('node:url');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { escapeHtml } = require('./escape-html');
const { checkoutPage, page, portalPage } = require('./stripe-pages-html');
const { createDeliverer, paidInvoice, subscriptionObject } = require('./stripe-pages-events');

const DECLINED_CARD = '4000000000000002';
const DAY = 24 * 60 * 60;

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 2) {
    options[argv[i].replace(/^--/, '')] = argv[i + 1];
  }
  for (const required of ['stripe-mock', 'app', 'webhook-secret']) {
    if (!options[required]) throw new Error(`--${required} is required`);
  }
  return options;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > 1024 * 1024) reject(new Error('body too large'));
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** What this stand-in remembers: sessions by id, and each customer's subscription. Kept in a file for npm start. */
function createState(file) {
  const empty = { checkoutSessions: {}, portalSessions: {}, subscriptions: {}, cards: {} };
  const data = file && existsSync(file) ? { ...empty, ...JSON.parse(readFileSync(file, 'utf8')) } : empty;
  return {
    data,
    save() {
      if (file) writeFileSync(file, JSON.stringify(data, null, 1));
    },
  };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const stripeMock = new URL(options['stripe-mock']);
  const appUrl = options.app.replace(/\/$/, '');
  const webhookUrl = `${appUrl}/webhooks/stripe`;
  const secret = options['webhook-secret'];
  const state = createState(options['state-file']);
  let baseUrl = '';
  const log = (line) => process.stdout.write(`stripe-pages ${line}\n`);

  /** One call to stripe-mock, form-encoded like the Stripe library does. */
  async function stripeCall(method, path, params = {}) {
    const body = new URLSearchParams(params).toString();
    const response = await fetch(new URL(path, stripeMock), {
      method,
      headers: {
        authorization: 'Bearer sk_test_123',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: method === 'GET' ? undefined : body,
    });
    if (!response.ok) throw new Error(`stripe-mock ${method} ${path}: ${response.status}`);
    return response.json();
  }

  async function tiers() {
    const response = await fetch(`${appUrl}/api/tiers`);
    if (!response.ok) throw new Error(`The app's tier list (${appUrl}/api/tiers) answered ${response.status}`);
    return response.json();
  }

  const deliver = createDeliverer({ webhookUrl, secret, log });

  async function invoiceFor(sub, tier) {
    const invoice = await stripeCall('POST', '/v1/invoices', { customer: sub.customer, subscription: sub.id });
    return paidInvoice(invoice, sub, tier);
  }

  async function pay(session, form) {
    const card = String(form.get('card') || '').replace(/\s+/g, '');
    if (!/^\d{16}$/.test(card)) {
      return { error: 'Your card number is incomplete.' };
    }
    if (card === DECLINED_CARD) {
      return { error: 'Your card was declined. Try another card.' };
    }
    const priceId = session.priceId;
    const tier = (await tiers()).find((t) => t.stripePriceId === priceId);
    const created = await stripeCall('POST', '/v1/subscriptions', {
      customer: session.customer,
      'items[0][price]': priceId,
    });
    const now = Math.floor(Date.now() / 1000);
    const sub = {
      id: created.id,
      customer: session.customer,
      priceId,
      status: 'incomplete',
      cancelAtPeriodEnd: false,
      canceledAt: null,
      periodStart: now,
      periodEnd: now + (tier?.interval === 'month' ? 30 : 365) * DAY,
      metadata: session.metadata,
      base: created,
    };
    const pm = await stripeCall('POST', '/v1/payment_methods/pm_card_visa/attach', { customer: session.customer });
    const invoice = await invoiceFor(sub, tier);
    const incomplete = subscriptionObject(sub, created);
    sub.status = 'active';
    const active = subscriptionObject(sub, created);
    state.data.subscriptions[session.customer] = { ...sub, base: undefined };
    state.data.cards[session.customer] = { last4: card.slice(-4), id: pm.id };
    session.status = 'complete';
    session.subscription = sub.id;
    state.save();
    const completed = {
      ...session.object,
      status: 'complete',
      payment_status: 'paid',
      subscription: sub.id,
      customer: session.customer,
    };
    // The order Stripe sends a subscription Checkout's events in.
    await deliver([
      ['customer.subscription.created', incomplete],
      ['payment_method.attached', { ...pm, customer: session.customer }],
      ['invoice.created', { ...invoice, status: 'draft', paid: false }],
      ['invoice.finalized', { ...invoice, status: 'open', paid: false }],
      ['invoice.paid', invoice],
      ['invoice.payment_succeeded', invoice],
      ['customer.subscription.updated', active],
      ['checkout.session.completed', completed],
    ]);
    return { redirect: session.successUrl.replace('{CHECKOUT_SESSION_ID}', session.id) };
  }

  async function portalAction(portal, action, form) {
    const sub = state.data.subscriptions[portal.customer];
    if (!sub) {
      return { error: 'This customer has no subscription to change.' };
    }
    const base = await stripeCall('GET', `/v1/subscriptions/${sub.id}`);
    if (action === 'change') {
      const priceId = String(form.get('price') || '');
      if (!(await tiers()).some((t) => t.stripePriceId === priceId)) {
        return { error: 'Please choose one of the plans listed.' };
      }
      if (priceId === sub.priceId) {
        return { error: 'That is already your plan.' };
      }
      await stripeCall('POST', `/v1/subscriptions/${sub.id}`, { 'items[0][price]': priceId });
      sub.priceId = priceId;
      // A plan change starts a new period of the new plan's length, as Stripe bills it now.
      const interval = (await tiers()).find((t) => t.stripePriceId === priceId)?.interval;
      sub.periodStart = Math.floor(Date.now() / 1000);
      sub.periodEnd = sub.periodStart + (interval === 'month' ? 30 : 365) * DAY;
      state.save();
      await deliver([['customer.subscription.updated', subscriptionObject(sub, base)]]);
      return { notice: 'Your plan was changed.' };
    }
    if (action === 'cancel' && form.get('confirm') !== 'yes') {
      return { error: 'Please tick “I confirm” to cancel your plan.' };
    }
    if (action === 'cancel' || action === 'renew') {
      const cancel = action === 'cancel';
      await stripeCall('POST', `/v1/subscriptions/${sub.id}`, { cancel_at_period_end: String(cancel) });
      sub.cancelAtPeriodEnd = cancel;
      sub.canceledAt = cancel ? Math.floor(Date.now() / 1000) : null;
      state.save();
      await deliver([['customer.subscription.updated', subscriptionObject(sub, base)]]);
      return { notice: cancel ? 'Your plan will be cancelled at the end of the period.' : 'Your plan was renewed.' };
    }
    if (action === 'card') {
      const card = String(form.get('card') || '').replace(/\s+/g, '');
      if (!/^\d{16}$/.test(card)) {
        return { error: 'Your card number is incomplete.' };
      }
      if (card === DECLINED_CARD) {
        return { error: 'Your card was declined. Try another card.' };
      }
      const pm = await stripeCall('POST', '/v1/payment_methods/pm_card_visa/attach', { customer: portal.customer });
      const customer = await stripeCall('GET', `/v1/customers/${portal.customer}`);
      state.data.cards[portal.customer] = { last4: card.slice(-4), id: pm.id };
      state.save();
      await deliver([
        ['payment_method.attached', { ...pm, customer: portal.customer }],
        ['customer.updated', { ...customer, id: portal.customer, invoice_settings: { default_payment_method: pm.id } }],
      ]);
      return { notice: 'Your card was updated.' };
    }
    return { error: 'Unknown action.' };
  }

  async function showCheckout(session, outcome) {
    const tier = (await tiers()).find((t) => t.stripePriceId === session.priceId);
    return checkoutPage(session, tier, outcome);
  }

  async function showPortal(portal, outcome) {
    const customer = {
      sub: state.data.subscriptions[portal.customer],
      list: await tiers(),
      card: state.data.cards[portal.customer],
    };
    return portalPage(portal, customer, outcome);
  }

  /** /v1: through to stripe-mock, remembering the sessions the app creates and answering for them. */
  async function passThrough(req, res, body) {
    const path = req.url.split('?')[0];
    const known = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && known) {
      const session = state.data.checkoutSessions[known[1]];
      const json = session
        ? { ...session.object, status: session.status, subscription: session.subscription ?? null }
        : {
            error: {
              type: 'invalid_request_error',
              code: 'resource_missing',
              message: `No such checkout.session: '${known[1]}'`,
              param: 'session',
            },
          };
      res.writeHead(session ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      return;
    }
    const upstream = await fetch(new URL(req.url, stripeMock), {
      method: req.method,
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(([key]) => !['host', 'content-length', 'connection'].includes(key)),
      ),
      body: ['GET', 'HEAD'].includes(req.method) ? undefined : body,
    });
    const text = await upstream.text();
    if (
      req.method === 'POST' &&
      upstream.ok &&
      (path === '/v1/checkout/sessions' || path === '/v1/billing_portal/sessions')
    ) {
      const params = new URLSearchParams(body.toString());
      const object = JSON.parse(text);
      if (path === '/v1/checkout/sessions') {
        const metadata = {};
        for (const [key, value] of params) {
          const match = /^metadata\[(.+)\]$/.exec(key);
          if (match) metadata[match[1]] = value;
        }
        state.data.checkoutSessions[object.id] = {
          id: object.id,
          customer: params.get('customer'),
          email: params.get('customer_email') || '',
          priceId: params.get('line_items[0][price]'),
          successUrl: params.get('success_url'),
          cancelUrl: params.get('cancel_url'),
          metadata,
          status: 'open',
          object: {
            ...object,
            customer: params.get('customer'),
            client_reference_id: params.get('client_reference_id'),
            metadata,
            url: `${baseUrl}/checkout/${object.id}`,
          },
        };
      } else {
        state.data.portalSessions[object.id] = {
          id: object.id,
          customer: params.get('customer'),
          returnUrl: params.get('return_url'),
        };
      }
      state.save();
    }
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(text);
  }

  const server = http.createServer(async (req, res) => {
    const send = ({ status, html }) =>
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    try {
      const body = await readBody(req);
      const url = new URL(req.url, 'http://localhost');
      if (url.pathname.startsWith('/v1/')) {
        await passThrough(req, res, body);
        return;
      }
      const checkout = /^\/checkout\/([A-Za-z0-9_]+)$/.exec(url.pathname);
      if (checkout) {
        const session = state.data.checkoutSessions[checkout[1]];
        if (!session) {
          send(
            page(
              'Not found',
              '<div class="card"><h1>Something went wrong</h1><p>This checkout session does not exist.</p></div>',
              { status: 404 },
            ),
          );
        } else if (req.method === 'POST') {
          const form = new URLSearchParams(body.toString());
          const result =
            session.status === 'complete'
              ? { redirect: session.successUrl.replace('{CHECKOUT_SESSION_ID}', session.id) }
              : await pay(session, form);
          if (result.redirect) {
            res.writeHead(303, { location: result.redirect }).end();
          } else {
            send(
              await showCheckout(session, {
                error: result.error,
                values: { card: form.get('card'), name: form.get('name') },
              }),
            );
          }
        } else {
          send(await showCheckout(session));
        }
        return;
      }
      const portal = /^\/portal\/([A-Za-z0-9_]+)(?:\/(change|cancel|renew|card))?$/.exec(url.pathname);
      if (portal) {
        const session = state.data.portalSessions[portal[1]];
        if (!session) {
          send(
            page(
              'Not found',
              '<div class="card"><h1>This link has expired</h1><p>Return to Roundtable and open billing again.</p></div>',
              { status: 404 },
            ),
          );
        } else if (req.method === 'POST' && portal[2]) {
          const result = await portalAction(session, portal[2], new URLSearchParams(body.toString()));
          if (result.notice) {
            res.writeHead(303, { location: `/portal/${session.id}?done=${encodeURIComponent(result.notice)}` }).end();
          } else {
            send({ ...(await showPortal(session, result)), status: 422 });
          }
        } else {
          send(await showPortal(session, { notice: url.searchParams.get('done') }));
        }
        return;
      }
      send(page('Not found', '<div class="card"><h1>Not found</h1></div>', { status: 404 }));
    } catch (error) {
      log(`error: ${error.message}`);
      send(
        page(
          'Error',
          `<div class="card"><h1>The local Stripe stand-in failed</h1><p class="error">${escapeHtml(error.message)}</p></div>`,
          { status: 502 },
        ),
      );
    }
  });
  const port = Number(options.port ?? 0);
  server.listen(port, '127.0.0.1', () => {
    baseUrl = `http://127.0.0.1:${server.address().port}`;
    process.stdout.write(`stripe-pages url=${baseUrl}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

try {
  main();
} catch (error) {
  process.stderr.write(`stripe-pages: ${error.message}\n`);
  process.exit(1);
}
