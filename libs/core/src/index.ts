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
  isDatabaseFailure,
  isDuplicateKeyError,
  type NextStep,
} from './errors/domain-errors';
export { DomainErrorFilter, type ErrorBody } from './errors/domain-error.filter';
export { HealthModule } from './health/health.module';
export { configureHttpApp } from './http/configure-http-app';
export { MAX_BODY_BYTES, MAX_FORM_FIELDS, MAX_JSON_DEPTH, nestedDeeperThan } from './http/request-bodies';
export { createLogger } from './logging/create-logger';
export { loadSettingsOrExit } from './config/load-settings';
export { coreAssetsDir, LIBS_ROOT, viewSearchPaths } from './project-root';
export { createViewEnvironment } from './views/view-environment';
export { escapeHtml } from './views/escape-html';
export { KeptRenderings, KEPT_PAGE_MAX_AGE_MS } from './views/kept-pages';
export { APP_VERSION } from './version';
export { hashToken, looksLikeToken, newToken, sameSecret, TOKEN_BYTES } from './tokens/token';
export { insertNew, insertNewAsGiven } from './database/insert-new';
export { GroupCommit } from './database/group-commit';
export { InsertNewGroup } from './database/insert-new-group';
export {
  duplicateAsConflict,
  insertOnce,
  insertOrConflict,
  upsertRacing,
  wonUniqueWrite,
} from './database/insert-once';
export { newObjectId, objectIdKeyset, parseObjectId } from './database/object-id';
export { IndexMirror } from './database/index-mirror/index-mirror.service';
export { FerretDbCatalog } from './database/index-mirror/ferretdb-catalog';
export { isMirrorIndexName, mirroredFields, mirrorIndexName } from './database/index-mirror/mirror-plan';
export { PageCache } from './page-cache/page-cache.service';
export { EarlyAnswers, type EarlyAnswer } from './page-cache/early-answers';
export { SharedVersions } from './versions/shared-versions.service';
export type { VersionSnapshot } from './versions/shared-version.repository';
export {
  PUBLISHED_REPORTS,
  type PublishedReportSource,
  type ReportCard,
  type ReportChoice,
  type ReportViewer,
} from './research/published-reports';
export {
  PROFILE_CHANGES,
  type ProfileChange,
  type ProfileChangeListener,
  type ProfileFacts,
} from './research/profile-changes';
export { PublicPage } from './page-cache/public-page.decorator';
export { FormOutcome, type FieldErrors, type FormValues } from './forms/form-outcome';
export { FormPage, FormPageInterceptor, type PageModel, type PageRequest } from './forms/form-page';
export { InvalidInputError } from './forms/invalid-input.error';
export { fieldErrorsFrom, formValuesFrom } from './forms/field-errors';
export { checkBody, createValidationPipe, UnreadableBodyError } from './forms/validation-pipe';
export { AsList, OneOf, OptionalText, RequiredText, Trim } from './forms/dto-decorators';
export { ConfirmDto, confirmationPage, type Confirmation } from './forms/confirmation';
export { plural } from './format/plural';
export { downloadName } from './format/download-name';
export {
  NavigationModule,
  NavigationRegistry,
  STAFF_GROUPS,
  type NavigationEntry,
  markCurrent,
  type NavigationGroup,
  type ShownEntry,
  type StaffGroup,
} from './navigation/navigation.registry';
export { ListQuery, parseQuery, type ParsedQuery } from './queries/query-dto';
export { MAX_PAGE_SIZE, PageQuery } from './queries/page-query.dto';
export { QueryChoice, QuerySlug, QueryText } from './queries/query-decorators';
export {
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  keysetPage,
  keysetPlan,
  pageLinks,
  type KeysetPage,
  type KeysetPlan,
  type KeysetRequest,
  type SortKey,
} from './queries/keyset';
export { formatDate, formatDateTime, formatMonth, httpDate, isoDate, isoDateTime, isoMinute } from './format/dates';
export { toCsv, csvLine, type CsvCell } from './format/csv';
export { KeptValues, type KeptValuesLimits } from './kept-values/kept-values';
export { fileDownload, type DownloadFile } from './http/download';
export {
  keptPages,
  PageAnswer,
  PageOrAnswer,
  PageOrAnswerInterceptor,
  renderView,
  sendRedirect,
} from './http/page-answers';
export { formatBytes } from './format/bytes';
export {
  ConfiguredUploadInterceptor,
  UploadInterceptor,
  type ReceivedUpload,
  type UploadRules,
} from './http/upload.interceptor';
