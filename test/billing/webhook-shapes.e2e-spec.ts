import Stripe from 'stripe';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/create-test-app';
import { stripeEvent, TEST_WEBHOOK_SECRET } from '../support/stripe';

/** Posts any body, correctly signed with the webhook secret, at a chosen signature time. */
function sendSigned(t: TestApp, body: unknown, timestamp = Math.floor(Date.now() / 1000)) {
  const payload = JSON.stringify(body);
  const signature = new Stripe('sk_test_123').webhooks.generateTestHeaderString({
    payload,
    secret: TEST_WEBHOOK_SECRET,
    timestamp,
  });
  return request(t.app.getHttpServer())
    .post('/webhooks/stripe')
    .set('Content-Type', 'application/json')
    .set('Stripe-Signature', signature)
    .send(payload);
}

describe('Stripe webhooks of unexpected shape or time', () => {
  let t: TestApp;
  const recorded = () => t.connection.collection('billing_events').countDocuments();

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const now = () => Math.floor(Date.now() / 1000);
  const good = () => stripeEvent('customer.created', { id: 'cus_shape', object: 'customer' }, now());

  it.each([
    ['a JSON array', () => [good()], 'The event is not a JSON object.'],
    ['data.object null', () => ({ ...good(), data: { object: null } }), 'The event has no data.object.'],
    ['no data', () => ({ ...good(), data: undefined }), 'The event has no data.'],
    ['no id', () => ({ ...good(), id: undefined }), 'The event has no id (a non-empty string).'],
    ['a numeric id', () => ({ ...good(), id: 12345 }), 'The event has no id (a non-empty string).'],
    ['no created', () => ({ ...good(), created: undefined }), 'The event has no created time (whole seconds).'],
  ])(
    'answers a signed event with %s 400 with the reason, records nothing, and again on retry',
    async (_l, body, reason) => {
      const before = await recorded();
      const event = body();
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const response = await sendSigned(t, event);
        expect(response.status).toBe(400);
        expect(response.body.message).toBe(reason);
      }
      expect(await recorded()).toBe(before);
    },
  );

  it('refuses a signature timestamp beyond the tolerance in the past and in the future alike', async () => {
    const before = await recorded();
    for (const offset of [-400, 400]) {
      const response = await sendSigned(t, good(), now() + offset);
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/signature/i);
    }
    expect(await recorded()).toBe(before);
  });

  it('accepts a signature timestamp within the tolerance either way', async () => {
    for (const offset of [-120, 120]) {
      const response = await sendSigned(t, good(), now() + offset);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ received: true, outcome: 'ignored' });
    }
  });
});
