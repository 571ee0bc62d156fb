/** @roundtable/core: configuration, database connection, logging, errors, the HTTP stack and views. */
export { CoreModule } from './core.module';
export { appConfig, databaseConfig, type AppConfig, type DatabaseConfig } from './config/configuration';
export { EnvironmentError, EnvironmentVariables, validateEnvironment } from './config/env.validation';
export {
  BadRequestError,
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
  ValidationError,
  isDuplicateKeyError,
} from './errors/domain-errors';
export { DomainErrorFilter, type ErrorBody } from './errors/domain-error.filter';
export { HealthModule } from './health/health.module';
export { configureHttpApp, MAX_BODY_BYTES } from './http/configure-http-app';
export { createLogger } from './logging/create-logger';
export { loadSettingsOrExit } from './config/load-settings';
export { coreAssetsDir, LIBS_ROOT, viewSearchPaths } from './project-root';
export { APP_VERSION } from './version';
export { hashToken, looksLikeToken, newToken, sameSecret, TOKEN_BYTES } from './tokens/token';
export { PageCache } from './page-cache/page-cache.service';
export { PublicPage } from './page-cache/public-page.decorator';
