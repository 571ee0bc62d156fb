/** @roundtable/auth: sessions in the database, CSRF, roles and entitlement guards, sign-in. */
export { AuthModule } from './auth.module';
export { AuthEnvironmentVariables, authConfig, SESSION_COOKIE, SESSIONS_COLLECTION } from './auth.config';
export { SessionService } from './sessions/session.service';
export { ExpiredSessions } from './sessions/expired-sessions';
export { requestVersions } from './sessions/request-versions';
export { RateLimiter } from './rate-limit/rate-limiter.service';
export { membershipRequired, Roles, RequiresEntitlement, RolesGuard } from './roles.guard';
export { CurrentMember } from './current-member.decorator';
export { ROLES, SIGNED_IN, MEMBERS_AND_STAFF, STAFF, ADMIN, type Role, type StoredRole } from './roles';
export type { SessionMember } from './sessions/session-member';
export { safeReturnTo } from './return-to';
export { isAdmin, isEntitled, isStaff, missingEntitlements } from './access';
export { AuthErasure } from './auth-erasure.service';
export { UploadForm } from './uploads/upload-form';
/** What a LinkedIn callback runs; exported so a test can race a sign-in against other writes of a member. */
export { LinkedInSignInService } from './linkedin/linkedin-sign-in.service';
export type { LinkedInProfile } from './linkedin/linkedin-profile';
