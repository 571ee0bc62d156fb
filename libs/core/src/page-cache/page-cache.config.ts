import { registerAs } from '@nestjs/config';
import { EnvironmentVariables, validateEnvironment } from '../config/env.validation';

/** The public page cache's settings (`PAGE_CACHE_*` in `.env.example`). */
export const pageCacheConfig = registerAs('pageCache', () => {
  const e = validateEnvironment(process.env, EnvironmentVariables);
  return { checkMs: e.PAGE_CACHE_CHECK_MS, maxAgeMs: e.PAGE_CACHE_MAX_AGE_SECONDS * 1_000 };
});
