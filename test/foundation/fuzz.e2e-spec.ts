import { Logger } from '@nestjs/common';
import request from 'supertest';
import { seedDefaultTiers, TierRepository } from '@roundtable/billing';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs, SignedIn } from '../support/sessions';
import { FuzzRoute, pathFor, routesOf } from './fuzz-routes';

/** A hostile body: raw text with its content type (and any other headers), or multipart fields. */
interface Variant {
  name: string;
  type?: string;
  body?: string;
  headers?: Record<string, string>;
  multipart?: string[];
}

const FORM = 'application/x-www-form-urlencoded';
const DEEP_JSON = `{"a":${'['.repeat(2000)}${']'.repeat(2000)}}`;
const EDGE_VALUES = ['1e309', '-0', 'NaN', '99999999999999999999', '2026-02-30T25:61', '-1', 'true', '[object Object]'];
/** Names to use where a route's body has no DTO of its own (buttons, custom readers). */
const COMMON_FIELDS = ['title', 'email', 'name', 'action', 'body', 'confirm', 'tiers', 'held'];

function form(fields: string[], value: (field: string, k: number) => string): string {
  return fields.map((field, k) => `${field}=${value(field, k)}`).join('&');
}

/** The bodies every form and JSON route gets: deep, huge, wrongly typed, wrongly encoded, of wrong types. */
function variantsFor(route: FuzzRoute): Variant[] {
  const fields = route.fields.length > 0 ? route.fields : COMMON_FIELDS;
  const share = Math.floor(90_000 / fields.length);
  return [
    { name: 'JSON nested 2,000 deep', type: 'application/json', body: DEEP_JSON },
    {
      name: 'JSON with objects for fields',
      type: 'application/json',
      body: JSON.stringify(Object.fromEntries(fields.map((field) => [field, { $gt: '', toString: 1 }]))),
    },
    { name: 'each field twice (a list)', type: FORM, body: form(fields, (f) => `x&${f}=y`) },
    { name: 'each field empty', type: FORM, body: form(fields, () => '') },
    { name: 'each field long', type: FORM, body: form(fields, () => 'x'.repeat(share)) },
    {
      name: 'control, bidi and markup characters',
      type: FORM,
      body: form(fields, () => encodeURIComponent('\u0000\u202E<script>alert(1)</script>\uFFFF\t\r\n')),
    },
    { name: 'invalid UTF-8 and percent-encoding', type: FORM, body: form(fields, () => '%FF%FE%C3%28%ZZ%') },
    { name: 'numbers and dates at the edge', type: FORM, body: form(fields, (_f, k) => EDGE_VALUES[k % 8]) },
    { name: 'bracketed names', type: FORM, body: form(fields, (f) => `x&${f}[a][b]=y&${f}[]=z`) },
    {
      name: 'prototype names',
      type: FORM,
      body: `__proto__=x&constructor=y&toString=z&hasOwnProperty=1&${form(fields, () => '1')}`,
    },
    { name: 'larger than the limit', type: FORM, body: `a=${'x'.repeat(150_000)}` },
    { name: 'text/plain', type: 'text/plain', body: form(fields, () => 'x') },
    { name: 'a form in UTF-16', type: `${FORM}; charset=utf-16`, body: 'a=b' },
    { name: 'a form in an unknown charset', type: `${FORM}; charset=klingon`, body: 'a=b' },
    { name: 'gzip that is not', type: FORM, body: 'a=b', headers: { 'Content-Encoding': 'gzip' } },
    { name: 'multipart with the fields', multipart: fields },
    {
      name: 'multipart cut short',
      type: 'multipart/form-data; boundary=xyz',
      body: '--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nhalf',
    },
  ];
}

/** Hostile query strings for pages and GET APIs. */
const QUERIES = [
  '?a[b][c]=1&page=-1&page=x&q=%FF%ZZ&after=zzz&sort[$gt]=&returnTo=//evil.example',
  `?q=${'x'.repeat(5000)}&notice=${encodeURIComponent('\u202E')}&tier=__proto__&state=constructor`,
  '?q=a%00b&tag=%00',
];

/**
 * A fuzz pass over every route of the app, listed from its router: each form and JSON route gets
 * bodies that are deep, huge, wrongly typed, wrongly encoded and of wrong types, as a visitor, a member
 * and an admin; each GET gets hostile query strings. Nothing may answer 5xx, and nothing may be
 * logged as a crash. Failures are gathered and shown together.
 */
describe('Fuzzing every route', () => {
  jest.setTimeout(240_000);
  let t: TestApp;
  let routes: FuzzRoute[];
  let crashes: jest.SpyInstance;
  let failures: string[] = [];

  beforeEach(() => {
    failures = [];
  });

  beforeAll(async () => {
    t = await createTestApp();
    await seedDefaultTiers(t.app.get(TierRepository));
    // Sign-out and deletions last: they end the session the others run in.
    routes = routesOf(t).sort(
      (a, b) => Number(/sign-out|delete/.test(a.pattern)) - Number(/sign-out|delete/.test(b.pattern)),
    );
    crashes = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterAll(async () => {
    crashes?.mockRestore();
    await t?.close();
  });

  async function send(who: SignedIn | null, route: FuzzRoute, variant: Variant): Promise<void> {
    const path = pathFor(route.pattern);
    const before = crashes.mock.calls.length;
    const agent = who ? who.agent : request(t.app.getHttpServer());
    let req = agent[route.method](path).timeout(15_000);
    if (who) {
      req = req.set('x-csrf-token', who.csrfToken);
    }
    for (const [name, value] of Object.entries(variant.headers ?? {})) {
      req = req.set(name, value);
    }
    let status: number | string;
    try {
      if (variant.multipart) {
        for (const field of variant.multipart) {
          req = req.field(field, 'x').field(field, '\u202E\u0000');
        }
        status = (await req).status;
      } else {
        status = (await req.set('Content-Type', variant.type!).send(variant.body)).status;
      }
    } catch (error) {
      status = (error as Error).message;
    }
    const logged = crashes.mock.calls.slice(before).map((call) => String(call[0]).slice(0, 120));
    if (typeof status !== 'number' || status >= 500 || logged.length > 0) {
      failures.push(
        `${who ? who.member.role : 'visitor'} ${route.method.toUpperCase()} ${path} [${variant.name}] → ${status} ${logged.join(' | ')}`,
      );
    }
  }

  it('lists the routes from the router, with the body fields of each form', () => {
    const withBodies = routes.filter((route) => route.method !== 'get');
    expect(withBodies.length).toBeGreaterThan(40);
    // Forms come with their DTO's fields (buttons without fields have none), custom body readers too.
    const fieldsOf = (method: string, pattern: string) =>
      routes.find((route) => route.method === method && route.pattern === pattern)?.fields.sort();
    expect(fieldsOf('post', '/s/new-link')).toEqual(['email', 'token']);
    expect(fieldsOf('post', '/s/:token')).toEqual(expect.arrayContaining(['action', 'held']));
    expect(fieldsOf('post', '/admin/tiers')).toEqual(expect.arrayContaining(['name', 'price', 'slug']));
  });

  it('answers every hostile body to every form and JSON route without a 5xx or a logged crash', async () => {
    const started = Date.now();
    const member = await signInAs(t, {
      role: 'member',
      membership: { tier: 'executive', state: 'active', entitlements: ['members_posts', 'guest_post', 'comment'] },
    });
    const admin = await signInAs(t, { role: 'admin' });
    const forms = routes.filter((route) => route.method !== 'get');
    // The three callers go at once (the database waits overlap), each sending its bodies one after
    // another (one session's requests in turn, as a person's are); routes one after another, so that
    // sign-out and deletions come last. A crash logged meanwhile is named with every body in flight.
    const inTurn = async (who: SignedIn | null, route: FuzzRoute, variants: Variant[]) => {
      for (const variant of variants) {
        await send(who, route, variant);
      }
    };
    for (const route of forms) {
      const variants = variantsFor(route);
      await Promise.all([
        inTurn(admin, route, variants),
        route.pattern.startsWith('/admin') ? Promise.resolve() : inTurn(member, route, variants),
        inTurn(null, route, variants.slice(0, 3)),
      ]);
    }
    process.stdout.write(`Fuzzed ${forms.length} form and JSON routes in ${Date.now() - started} ms\n`);
    expect(failures).toEqual([]);
  });

  it('answers hostile query strings on every page and GET API without a 5xx or a logged crash', async () => {
    const staff = await signInAs(t, { role: 'admin' });
    const pages = routes.filter((route) => route.method === 'get');
    for (const route of pages) {
      for (const query of QUERIES) {
        // A parameter holding NUL, where the route has one.
        const pattern = query.includes('%00') ? route.pattern.replace(/:(\w+)/, 'x%00y') : route.pattern;
        const path = `${pathFor(pattern)}${query}`;
        const before = crashes.mock.calls.length;
        const response = await staff.agent.get(path).timeout(15_000);
        if (response.status >= 500 || crashes.mock.calls.length > before) {
          failures.push(`GET ${path.slice(0, 120)} → ${response.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
