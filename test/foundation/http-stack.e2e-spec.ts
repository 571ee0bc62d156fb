import request from 'supertest';
import { MAX_BODY_BYTES } from '@roundtable/core';
import { createTestApp, TestApp } from '../support/create-test-app';

describe('The HTTP stack', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves the OpenAPI document under /api/docs', async () => {
    const document = await request(t.app.getHttpServer()).get('/api/docs/openapi.json').expect(200);
    expect(document.body.openapi).toMatch(/^3\./);
    expect(document.body.info.title).toBe('Roundtable API');
    expect(Object.keys(document.body.paths)).toContain('/health');
    await request(t.app.getHttpServer()).get('/api/docs').expect(200).expect('content-type', /html/);
  });

  it('answers an unknown API route with JSON in the one error shape', async () => {
    const response = await request(t.app.getHttpServer()).get('/api/nothing-here').expect(404);
    expect(response.body).toEqual({
      statusCode: 404,
      message: 'Cannot GET /api/nothing-here',
      path: '/api/nothing-here',
    });
  });

  it('answers an unknown page with a friendly HTML page', async () => {
    const response = await request(t.app.getHttpServer())
      .get('/no-such-page')
      .set('Accept', 'text/html,application/xhtml+xml')
      .expect(404)
      .expect('content-type', /html/);
    expect(response.text).toContain('<h1>Page not found</h1>');
    expect(response.text).toContain('href="/"');
  });

  it('turns malformed JSON into a 400 that says so', async () => {
    const response = await request(t.app.getHttpServer())
      .post('/api/anything')
      .set('Content-Type', 'application/json')
      .send('{"broken": ')
      .expect(400);
    expect(response.body.message).toBe('The request body is not valid JSON.');
  });

  it('turns an oversized body into a 413 that says so', async () => {
    const response = await request(t.app.getHttpServer())
      .post('/api/anything')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(MAX_BODY_BYTES + 1) }))
      .expect(413);
    expect(response.body.message).toBe('The request is too large.');
  });

  it('sends security headers and serves its own stylesheet', async () => {
    const response = await request(t.app.getHttpServer()).get('/assets/site.css').expect(200);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
