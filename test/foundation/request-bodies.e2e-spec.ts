import { Logger } from '@nestjs/common';
import request from 'supertest';
import { MAX_JSON_DEPTH } from '@roundtable/core';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

/** About 4 KB of JSON nested 2,000 deep: `{"email":[[[…]]]}`. */
const DEEP_JSON = `{"email":${'['.repeat(2000)}${']'.repeat(2000)}}`;

/**
 * What a body can be and where: pages take forms (urlencoded, or multipart where they upload), the
 * JSON API under /api takes JSON of bounded depth, and whatever cannot be read is a 4xx that says
 * why; nothing a client sends is a crash (500) or logged as one.
 */
describe('Request bodies', () => {
  let t: TestApp;
  let crashes: jest.SpyInstance;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => {
    crashes = jest.spyOn(Logger.prototype, 'error');
  });
  afterEach(() => {
    const logged = crashes.mock.calls;
    crashes.mockRestore();
    expect(logged).toEqual([]);
  });

  it.each(['/s/x', '/s/new-link'])('refuses deeply nested JSON on %s, signed out, without a crash', async (path) => {
    const response = await request(t.app.getHttpServer())
      .post(path)
      .set('Content-Type', 'application/json')
      .send(DEEP_JSON);
    expect(response.status).toBe(415);
    expect(response.text).toContain('This address takes a form');
  });

  it('refuses deeply nested JSON on a signed-in form, without a crash', async () => {
    const member = await signInAs(t);
    const response = await member.agent
      .post('/portal/profile')
      .set('Content-Type', 'application/json')
      .set('x-csrf-token', member.csrfToken)
      .set('Accept', 'application/json')
      .send(DEEP_JSON);
    expect(response.status).toBe(415);
    expect(response.body).toEqual(expect.objectContaining({ statusCode: 415 }));
  });

  it('refuses JSON nested past the API’s depth with a 400 that says so', async () => {
    const response = await request(t.app.getHttpServer())
      .post('/api/anything')
      .set('Content-Type', 'application/json')
      .send(DEEP_JSON)
      .expect(400);
    expect(response.body.message).toBe('The request body is nested too deeply.');
  });

  it('reads JSON up to the depth limit (then the CSRF check answers), and refuses one level more', async () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const post = (body: string) =>
      request(t.app.getHttpServer()).post('/api/anything').set('Content-Type', 'application/json').send(body);
    expect((await post(nested(MAX_JSON_DEPTH))).status).toBe(403);
    expect((await post(nested(MAX_JSON_DEPTH + 1))).status).toBe(400);
  });

  it('refuses a body of a type no route reads with 415', async () => {
    const response = await request(t.app.getHttpServer())
      .post('/s/new-link')
      .set('Content-Type', 'text/plain')
      .set('Accept', 'application/json')
      .send('email=someone@example.test')
      .expect(415);
    expect(response.body.message).toContain('This address takes a form');
  });

  it('lets an empty POST (a button with no fields, Content-Length: 0) through to the CSRF check', async () => {
    const response = await request(t.app.getHttpServer())
      .post('/sign-out')
      .set('Accept', 'application/json')
      .set('Content-Length', '0');
    expect(response.status).toBe(403);
    // Zero bytes declared as some other type are no body to refuse either.
    const typed = await request(t.app.getHttpServer())
      .post('/s/new-link')
      .set('Content-Type', 'text/plain')
      .set('Accept', 'application/json')
      .set('Content-Length', '0');
    expect(typed.status).not.toBe(415);
  });

  it('refuses a form with too many fields with 413', async () => {
    const fields = Array.from({ length: 1000 }, (_, k) => `f${k}=x`).join('&');
    await request(t.app.getHttpServer())
      .post('/s/new-link')
      .type('form')
      .set('Accept', 'application/json')
      .send(fields)
      .expect(413);
  });

  it('keeps a form’s bracketed names flat (no nested objects from a form)', async () => {
    const nested = `email${'[a]'.repeat(500)}=x`;
    const response = await request(t.app.getHttpServer()).post('/s/new-link').type('form').send(nested);
    expect(response.status).toBe(422);
  });

  it('refuses NUL in a form field, a query or the address with a 400 (the database would refuse it)', async () => {
    const server = t.app.getHttpServer();
    await request(server).post('/s/new-link').type('form').send('email=a%00b@example.test').expect(400);
    await request(server).get('/blog?tag=a%00b').set('Accept', 'application/json').expect(400);
    const page = await request(server).get('/blog/a%00b').set('Accept', 'text/html').expect(400);
    expect(page.text).toContain('NUL');
  });
});
