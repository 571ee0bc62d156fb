import { INestApplication, ModuleMetadata } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureHttpApp } from '@roundtable/core';

export interface TestApp {
  app: NestExpressApplication;
  /** The database this app writes to: one per test file, dropped on close. */
  databaseName: string;
  connection: Connection;
  close(): Promise<void>;
}

/** The environment a test app runs with; a test overrides what it needs. */
export function testEnvironment(databaseName: string): Record<string, string> {
  const base = process.env.TEST_MONGODB_URI;
  if (!base) {
    throw new Error('TEST_MONGODB_URI is not set: e2e tests run under the jest e2e project (global setup).');
  }
  return {
    NODE_ENV: 'test',
    MONGODB_URI: `${base}${databaseName}`,
    APP_BASE_URL: 'http://127.0.0.1',
    LOG_LEVEL: 'warn',
    SMTP_URL: process.env.TEST_SMTP_URL ?? '',
    SESSION_SECRET: 'test-session-secret-0123456789abcdef0123456789',
    LINKEDIN_CLIENT_ID: 'roundtable-test',
    LINKEDIN_CLIENT_SECRET: 'roundtable-test-secret',
    LINKEDIN_AUTHORIZATION_URL: `${process.env.TEST_OIDC_URL}/authorize`,
    LINKEDIN_TOKEN_URL: `${process.env.TEST_OIDC_URL}/token`,
    LINKEDIN_USERINFO_URL: `${process.env.TEST_OIDC_URL}/userinfo`,
    STRIPE_SECRET_KEY: 'sk_test_123',
    STRIPE_API_URL: process.env.TEST_STRIPE_URL ?? '',
    STRIPE_WEBHOOK_SECRET: 'whsec_test_roundtable_0123456789',
    MAIL_FROM: 'Roundtable Test <council@roundtable.test>',
    // On FerretDB/PostgreSQL the app mirrors its equality indexes there, as on `npm start`.
    ...(process.env.TEST_POSTGRESQL_URL ? { FERRETDB_POSTGRESQL_URL: process.env.TEST_POSTGRESQL_URL } : {}),
  };
}

/**
 * Boots the real API app, with the same HTTP stack as `main.ts`, against the real local servers, in a
 * database of its own. `env` overrides variables for this app only; `controllers` (and the
 * `imports` they need) add test-only routes (probes of a repository or of the error filter);
 * `replace` puts a stand-in in place of a provider of the app (a source another lib provides).
 */
export async function createTestApp(
  options: {
    env?: Record<string, string | undefined>;
    controllers?: Array<new (...args: never[]) => unknown>;
    imports?: ModuleMetadata['imports'];
    replace?: Array<{ token: string | symbol | (abstract new (...args: never[]) => unknown); value: unknown }>;
  } = {},
): Promise<TestApp> {
  const databaseName = `rt_test_${randomBytes(4).toString('hex')}`;
  const env = { ...testEnvironment(databaseName), ...options.env };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) {
      delete process.env[key];
    } else {
      process.env[key] = value;
    }
  }
  const builder = Test.createTestingModule({
    imports: [ApiModule, ...(options.imports ?? [])],
    controllers: options.controllers ?? [],
  });
  for (const { token, value } of options.replace ?? []) {
    builder.overrideProvider(token).useValue(value);
  }
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ rawBody: true, logger: ['error', 'warn'] });
  configureHttpApp(app);
  await app.init();
  const connection = app.get<Connection>(getConnectionToken());
  return {
    app,
    databaseName,
    connection,
    async close() {
      await connection.dropDatabase().catch(() => undefined);
      await app.close();
    },
  };
}

export type { INestApplication };
