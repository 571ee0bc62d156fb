import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { csrfSync } from 'csrf-sync';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import { SharedVersions, type VersionSnapshot } from '@roundtable/core';
import { MEMBERS_VERSION, MemberRepository } from '@roundtable/members';
import { isAdmin, isStaff } from '../access';
import { authConfig, SESSION_COOKIE } from '../auth.config';
import { CSRF_REFUSED, isUpload } from '../uploads/upload-form';
import { requestVersions } from './request-versions';
import { SessionRepository } from './session.repository';
import type { SessionMember } from './session-member';
import { SignedInMembers } from './signed-in-members';

/**
 * Requests that prove themselves another way and carry no session: Stripe's signature; an
 * unsubscribe link's token (mail clients' one-click POST, RFC 8058, has no CSRF token); the survey
 * link `/s/<token>`, whose unguessable token is the key (a cross-site form cannot know it), so a
 * member answering from an email starts no session and the response page writes nothing extra.
 */
const SURVEY_LINK_PREFIX = '/s/';
const CSRF_EXEMPT_PREFIXES = ['/webhooks/', '/unsubscribe/', SURVEY_LINK_PREFIX];

/** Uploads whose body their route has read, so the CSRF check can run on it. */
const uploadBodyRead = new WeakSet<Request>();

/**
 * The per-request chain every route runs behind: the shared versions read once for a request that
 * carries a session cookie (one read of a tiny collection, shared with concurrent requests but always
 * started after this one arrived: SharedVersions), the database-backed session (from this process's
 * CachedSessionStore while the sessions version is unchanged), CSRF checks on every state-changing
 * request (token from the `_csrf` form field or the `x-csrf-token` header; an upload's once its route
 * has read the body: @UploadForm), and `request.member` as the member record is now: from this process's
 * SignedInMembers while the members version is unchanged, else read from the member record (on
 * FerretDB v1 a scan of the members collection). Sign-out, expiry, a role change, state change or
 * erasure changes a version (or the session's own expiry passes), so it applies on the member's next
 * request in every process.
 */
@Injectable()
export class SessionMiddleware {
  private readonly logger = new Logger('Sessions');
  private readonly signedIn = new SignedInMembers();

  constructor(
    private readonly sessionRepository: SessionRepository,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
    private readonly members: MemberRepository,
    private readonly versions: SharedVersions,
  ) {}

  handlers(): RequestHandler[] {
    const sessions = session({
      name: SESSION_COOKIE,
      secret: this.config.sessionSecret,
      store: this.sessionRepository.createStore(),
      resave: false,
      // Visitors who only read get no session; one starts when a page needs a CSRF token or at sign-in.
      saveUninitialized: false,
      rolling: false,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.secureCookies,
        maxAge: this.config.sessionMaxAgeMs,
      },
    });
    const { csrfSynchronisedProtection } = csrfSync({
      getTokenFromRequest: (req) => {
        const body = req.body as Record<string, unknown> | undefined;
        const fromBody = typeof body?._csrf === 'string' ? body._csrf : undefined;
        // Programs that post an upload may still name the token in the address; our forms never do.
        const fromQuery = isUpload(req) && typeof req.query._csrf === 'string' ? req.query._csrf : undefined;
        return fromBody ?? fromQuery ?? (req.headers['x-csrf-token'] as string | undefined);
      },
      // A file upload's multipart body is read by its route (@UploadForm), which checks the token
      // then through `checkUploadCsrf`; until its body is read there is no token to check.
      skipCsrfProtection: (req) =>
        CSRF_EXEMPT_PREFIXES.some((prefix) => req.path.startsWith(prefix)) ||
        (isUpload(req) && !uploadBodyRead.has(req)),
      errorConfig: {
        statusCode: 403,
        message: CSRF_REFUSED,
        code: 'EBADCSRFTOKEN',
      },
    });
    const deferUploadCsrf: RequestHandler = (req, res, next) => {
      if (isUpload(req) && !CSRF_EXEMPT_PREFIXES.some((prefix) => req.path.startsWith(prefix))) {
        req.checkUploadCsrf = () =>
          new Promise<void>((resolve, reject) => {
            uploadBodyRead.add(req);
            csrfSynchronisedProtection(req, res, (error?: unknown) => (error ? reject(error) : resolve()));
          });
      }
      next();
    };
    const exposeCsrfToken: RequestHandler = (req, res, next) => {
      // Lazy, so a page without a form does not start a session.
      res.locals.csrfToken = () => req.csrfToken?.() ?? '';
      next();
    };
    // A survey link's visitor without a session cookie would only get a session object built (an id,
    // its hash, the proxy check of `secure`) and thrown away: the link's pages never write one.
    const sessionsWhereUsed: RequestHandler = (req, res, next) =>
      linkVisitorWithoutSession(req) ? next() : sessions(req, res, next);
    return [
      this.readVersions,
      sessionsWhereUsed,
      exposeCsrfToken,
      csrfSynchronisedProtection,
      deferUploadCsrf,
      dropCsrfField,
      showFlashOnce,
      this.loadMember,
    ];
  }

  /** The versions every check of this request uses; a request without a session cookie has none to check. */
  private readonly readVersions = (req: Request, _res: Response, next: NextFunction): void => {
    if (!carriesSession(req)) {
      next();
      return;
    }
    this.versions.snapshot().then(
      (snapshot) => requestVersions.run(snapshot, next),
      (error: unknown) => next(error),
    );
  };

  private readonly loadMember = (req: Request, res: Response, next: NextFunction): void => {
    const memberId = req.session?.memberId;
    if (!memberId) {
      next();
      return;
    }
    this.currentMember(memberId)
      .then((member) => {
        if (!member) {
          // The member was deleted: the session means nothing any more.
          req.session.memberId = undefined;
        } else {
          req.member = member;
          res.locals.member = member;
          // Templates ask these, never the role itself, so the rule stays in one place (access.ts).
          res.locals.isStaff = isStaff(member);
          res.locals.isAdmin = isAdmin(member);
        }
        next();
      })
      .catch((error: unknown) => {
        this.logger.error(`Could not load the signed-in member: ${String(error)}`);
        next(error);
      });
  };

  /** The member as their record is now; the version is read first (see SignedInMembers). */
  private async currentMember(memberId: string): Promise<SessionMember | null> {
    // A session started during this request (none yet at its start) has no snapshot: read one now.
    const snapshot: VersionSnapshot = requestVersions.getStore() ?? (await this.versions.snapshot());
    const version = snapshot[MEMBERS_VERSION] ?? null;
    const kept = this.signedIn.find(memberId, version);
    if (kept) {
      return kept;
    }
    const record = await this.members.findById(memberId);
    if (!record) {
      this.signedIn.forget(memberId);
      return null;
    }
    const member = toSessionMember(record);
    this.signedIn.keep(member, version);
    return member;
  }
}

function carriesSession(req: Request): boolean {
  return req.headers.cookie?.includes(`${SESSION_COOKIE}=`) === true;
}

/**
 * A request to the survey link (`/s/…`) without a session cookie: its pages start no session (no
 * CSRF token: the token in the address is the key; no flash), so it needs none loaded or made.
 */
export function linkVisitorWithoutSession(req: Pick<Request, 'path' | 'headers'>): boolean {
  return req.path.startsWith(SURVEY_LINK_PREFIX) && !carriesSession(req as Request);
}

/**
 * Once checked, the CSRF token is not part of what a form says: DTOs that refuse unknown fields
 * never see it.
 */
const dropCsrfField: RequestHandler = (req, _res, next) => {
  const body = req.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object' && '_csrf' in body) {
    delete body._csrf;
  }
  next();
};

/**
 * The message a successful form left for the next page (`FormOutcome.ok`), shown by the layout once.
 * Only a page load takes it: a browser's late image, favicon or script request from the previous page
 * can reach us between the form's 303 and the page it leads to, and must not swallow the message.
 * Browsers name what they fetch in Sec-Fetch-Dest; clients that send none (tests, curl) load pages.
 */
const showFlashOnce: RequestHandler = (req, res, next) => {
  const destination = req.headers['sec-fetch-dest'];
  const loadsAPage = destination === undefined || destination === 'document' || destination === 'iframe';
  if (loadsAPage && req.session?.flash !== undefined) {
    res.locals.flash = req.session.flash;
    delete req.session.flash;
  }
  next();
};

function toSessionMember(record: Awaited<ReturnType<MemberRepository['findById']>> & object): SessionMember {
  return {
    id: String(record._id),
    email: record.email,
    name: record.name,
    role: record.role,
    membership: {
      tier: record.membership?.tier ?? null,
      state: record.membership?.state ?? 'none',
      entitlements: record.membership?.entitlements ?? [],
    },
  };
}
