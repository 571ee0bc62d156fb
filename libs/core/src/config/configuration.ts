import { registerAs } from '@nestjs/config';
import { EnvironmentVariables, validateEnvironment } from './env.validation';

/** Settings are read once, validated, and exposed per area through typed namespaces. */
const env = () => validateEnvironment(process.env, EnvironmentVariables);

export const appConfig = registerAs('app', () => {
  const e = env();
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    baseUrl: e.APP_BASE_URL.replace(/\/$/, ''),
    logFormat: e.LOG_FORMAT,
    logLevel: e.LOG_LEVEL,
  };
});

export const databaseConfig = registerAs('database', () => {
  const e = env();
  return {
    uri: e.MONGODB_URI,
    ferretDbPostgresUrl: e.FERRETDB_POSTGRESQL_URL ?? null,
    indexMirror: e.FERRETDB_INDEX_MIRROR === 'on',
    indexMirrorCheckMs: e.FERRETDB_INDEX_MIRROR_CHECK_MS,
  };
});

export type AppConfig = ReturnType<typeof appConfig>;
export type DatabaseConfig = ReturnType<typeof databaseConfig>;
