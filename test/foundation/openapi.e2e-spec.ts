import request from 'supertest';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

interface Operation {
  responses: Record<string, unknown>;
  parameters?: Array<{ name: string; in: string }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, { type?: string }>; required?: string[] }> };
}

/** A path of the document with its parameters filled in (an id that names nothing). */
const filled = (path: string) => path.replace(/\{[^}]+\}/g, '0123456789abcdef01234567');

/** The OpenAPI document at /api/docs says what the API really answers. */
describe('The OpenAPI document', () => {
  let t: TestApp;
  let document: OpenApiDocument;

  beforeAll(async () => {
    t = await createTestApp();
    document = (await request(t.app.getHttpServer()).get('/api/docs/openapi.json').expect(200)).body as OpenApiDocument;
  });
  afterAll(() => t.close());

  it('documents every answer a signed-out caller, a member without a membership and staff get', async () => {
    const callers = {
      'signed out': request.agent(t.app.getHttpServer()),
      member: (await signInAs(t, { role: 'member' })).agent,
      staff: (await signInAs(t, { role: 'staff' })).agent,
    };
    const undocumented: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      // Only reads: a documented write would need a body of its own here (schemathesis covers writes).
      if (!operations.get) {
        continue;
      }
      for (const [who, agent] of Object.entries(callers)) {
        // As called, and with a query no rule accepts (a NUL character), refused before any handler.
        for (const address of [filled(path), `${filled(path)}?note=%00`]) {
          const response = await agent.get(address).set('Accept', 'application/json');
          if (!(String(response.status) in operations.get.responses)) {
            const documented = Object.keys(operations.get.responses).join(', ');
            undocumented.push(`GET ${address} as ${who}: ${response.status} is not among ${documented}`);
          }
        }
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('documents GET /api/auth/csrf and its token', async () => {
    const operation = document.paths['/api/auth/csrf']?.get;
    const ref = /#\/components\/schemas\/(\w+)/.exec(JSON.stringify(operation?.responses['200']))?.[1] ?? '';
    expect(document.components.schemas[ref]).toMatchObject({
      properties: { csrfToken: { type: 'string' } },
      required: ['csrfToken'],
    });
    const answer = await request(t.app.getHttpServer()).get('/api/auth/csrf').expect(200);
    expect(answer.body.csrfToken).toMatch(/^\S{20,}$/);
  });

  it('answers a method the address does not take with 405 and the methods it does, before CSRF and body rules', async () => {
    const server = t.app.getHttpServer();
    for (const [method, path, allow] of [
      ['trace', '/', 'GET, HEAD'],
      ['trace', '/api/tiers', 'GET, HEAD'],
      ['put', '/api/tiers', 'GET, HEAD'],
      ['delete', '/portal/profile', 'GET, HEAD, POST'],
      ['patch', '/api/auth/csrf', 'GET, HEAD'],
      ['options', '/api/reports/x/ranking', 'GET, HEAD'],
      ['trace', '/no-such-address', 'GET, HEAD, POST'],
      // A POST to an address that only reads: 405, not a 415 for the body no route would read.
      ['post', '/api/tiers', 'GET, HEAD'],
      ['post', '/health', 'GET, HEAD'],
      ['post', '/api/auth/csrf', 'GET, HEAD'],
    ] as const) {
      const response = await request(server)[method](path).set('Accept', 'application/json');
      expect({ method, path, status: response.status, allow: response.headers.allow }).toEqual({
        method,
        path,
        status: 405,
        allow,
      });
      expect(response.body).toEqual({ statusCode: 405, message: 'Method Not Allowed', path });
    }
    // The methods the routes take still reach them; a POST to no route at all is still the router's 404.
    await request(server).get('/api/tiers').expect(200);
    await request(server).head('/api/tiers').expect(200);
    const csrf = (await request(server).get('/api/auth/csrf').expect(200)).body.csrfToken as string;
    expect(csrf).toBeTruthy();
    expect((await request(server).post('/api/nothing-here').send({})).status).not.toBe(405);
  });
});
