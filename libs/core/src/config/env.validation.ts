import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, validateSync } from 'class-validator';

/**
 * The core environment variables, with their rules. `.env.example` documents each one. Feature areas
 * declare their own variables in a class like this one and validate it with `validateEnvironment`.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  /** Loopback by default; containers set 0.0.0.0. */
  @IsOptional()
  @IsString()
  HOST = '127.0.0.1';

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  APP_BASE_URL = 'http://localhost:3000';

  @IsString()
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'MONGODB_URI must be a mongodb:// or mongodb+srv:// URI' })
  MONGODB_URI: string;

  /**
   * FerretDB's PostgreSQL database (postgres://…), set when the app runs on FerretDB on PostgreSQL (the
   * local servers set it): the app then mirrors its equality indexes there as GIN indexes.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'FERRETDB_POSTGRESQL_URL must be a postgres:// or postgresql:// URL',
  })
  FERRETDB_POSTGRESQL_URL?: string;

  /** `off` leaves FerretDB's PostgreSQL tables without the mirrored indexes (to measure what they do). */
  @IsOptional()
  @IsIn(['on', 'off'])
  FERRETDB_INDEX_MIRROR: 'on' | 'off' = 'on';

  /** How often each process checks for a collection without its mirrored indexes (one made after start-up). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  FERRETDB_INDEX_MIRROR_CHECK_MS = 10_000;

  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT: 'json' | 'pretty' = 'json';

  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** How often a process reads the shared version of public pages (other processes' writes show within this). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  PAGE_CACHE_CHECK_MS = 1_000;

  /** How long the page cache keeps a public page without a write; 0 turns the cache off. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600)
  PAGE_CACHE_MAX_AGE_SECONDS = 60;
}

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment: ${problems.join('; ')}`);
    this.name = 'EnvironmentError';
  }
}

/**
 * Validates `process.env` (or any record) into typed settings of the given class. Throws an
 * `EnvironmentError` whose message names each missing or malformed variable; values are never
 * echoed, since some are secrets.
 */
export function validateEnvironment<T extends object>(raw: Record<string, unknown>, variables: new () => T): T {
  const settings = plainToInstance(variables, withoutEmptyStrings(raw), {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(settings, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const problems = errors.map((error) => {
      const rules = Object.values(error.constraints ?? {});
      const missing = raw[error.property] === undefined || raw[error.property] === '';
      return missing ? `${error.property} is required but not set` : `${error.property}: ${rules.join(', ')}`;
    });
    throw new EnvironmentError(problems);
  }
  return settings;
}

/** An empty variable (`FOO=`) means "not set", so defaults apply and required ones are reported missing. */
function withoutEmptyStrings(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
}
