import http from 'node:http';
import Stripe from 'stripe';
import request from 'supertest';
import { startStripePages } from '../../tools/servers/local-servers';
import type { TestApp } from './create-test-app';

export const TEST_WEBHOOK_SECRET = 'whsec_test_roundtable_0123456789';

export interface RecordedStripeCall {
  method: string;
  path: string;
  params: URLSearchParams;
}

/**
 * A recording pass-through in front of stripe-mock: the app talks to it as to Stripe, it forwards
 * every request unchanged and keeps what was sent, so a test can check the parameters of our calls.
 * stripe-mock itself is stateless and answers with fixtures.
 */
export async function startStripeRecorder(): Promise<{
  url: string;
  calls: RecordedStripeCall[];
  close(): Promise<void>;
}> {
  const target = new URL(process.env.TEST_STRIPE_URL!);
  const calls: RecordedStripeCall[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      calls.push({
        method: req.method ?? 'GET',
        path: (req.url ?? '').split('?')[0],
        params: new URLSearchParams(body.toString()),
      });
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (response) => {
          res.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let sequence = 0;

/** Builds a Stripe event as Stripe sends it (`created` in seconds). */
export function stripeEvent(type: string, object: Record<string, unknown>, created: number, id?: string) {
  sequence += 1;
  return {
    id: id ?? `evt_test_${Date.now()}_${sequence}`,
    object: 'event',
    api_version: '2025-10-29',
    created,
    type,
    data: { object },
    livemode: false,
  };
}

/** Posts an event to the webhook endpoint, signed as Stripe signs it (or with another secret). */
export function sendStripeEvent(t: TestApp, event: ReturnType<typeof stripeEvent>, secret = TEST_WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  const signature = new Stripe('sk_test_123').webhooks.generateTestHeaderString({ payload, secret });
  return request(t.app.getHttpServer())
    .post('/webhooks/stripe')
    .set('Content-Type', 'application/json')
    .set('Stripe-Signature', signature)
    .send(payload);
}

/**
 * The local stand-in for Stripe's Checkout and Customer Portal (tools/servers/stripe-pages.js) in
 * front of the test run's stripe-mock, delivering its events to the app that will listen on `appPort`.
 * Returns it with the environment that points an app at it.
 */
export async function startLocalStripePages(appPort: number) {
  const pages = await startStripePages({
    stripeMockUrl: process.env.TEST_STRIPE_URL!,
    appUrl: `http://127.0.0.1:${appPort}`,
    webhookSecret: TEST_WEBHOOK_SECRET,
  });
  return {
    ...pages,
    env: { ...pages.stripeEnvironment, APP_BASE_URL: `http://127.0.0.1:${appPort}` },
  };
}
