import request from 'supertest';
import { DEFAULT_TIERS, seedDefaultTiers, TierRepository } from '@roundtable/billing';
import { ReportingWorkerModule } from '@roundtable/reporting';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { docxOf } from '../support/documents';
import { sessionFor, signInAs } from '../support/sessions';
import { buildMember } from '../support/factories';
import { reportFor } from '../reporting/report-fixtures';

jest.setTimeout(180_000);

/**
 * Who may enter each reporting, directory and resource-library route: a visitor, an applicant, a
 * member of each tier in each billing state, a member who never paid, staff and an admin. The answers
 * are written out by hand from the tiers' entitlements (Associate: posts and comments; Council Member:
 * also surveys and reports; Executive Circle: also the peer benchmark) and billing's rule (a past-due
 * membership keeps its benefits through the grace period; a lapsed one, or none, has none).
 */
const VIEWERS = [
  'visitor',
  'applicant',
  'associate/active',
  'associate/past_due',
  'associate/lapsed',
  'council/active',
  'council/past_due',
  'council/lapsed',
  'executive/active',
  'executive/past_due',
  'executive/lapsed',
  'member/none',
  'staff',
  'admin',
] as const;
type Viewer = (typeof VIEWERS)[number];

/**
 * One answer per cell:
 * ok   admitted: the route's own answer (200 for a page, or the row's `answer` for a POST)
 * in   a visitor: a page sends them to sign in and back; JSON and POSTs answer 401
 * no   refused by role: 403, "does not have access"
 * up   refused by membership: 403 with the way to a tier that includes it (a link to /membership)
 * join refused, signed out: 403 with the way to join (a link to /join)
 * app  refused, an applicant: 403 with the way to their application (a link to /portal)
 */
type Cell = 'ok' | 'in' | 'no' | 'up' | 'join' | 'app';

// Columns: visitor, applicant, associate active/past due/lapsed, council active/past due/lapsed,
// executive active/past due/lapsed, a member with no membership, staff, admin.
const RESEARCH = ' in  no   up up up    ok ok up    ok ok up    up   ok ok';
const BENCHMARK = 'in  no   up up up    up up up    ok ok up    up   ok ok';
const STAFF_ONLY = 'in  no   no no no    no no no    no no no    no   ok ok';
const ACTIVE_MEMBERS = 'in  no   ok ok up    ok ok up    ok ok up    up   ok ok';
const MEMBERS = ' in  no   ok ok ok    ok ok ok    ok ok ok    ok   ok ok';
const OPEN = ' ok  ok   ok ok ok    ok ok ok    ok ok ok    ok   ok ok';
// The fixture document is for Council Member and Executive Circle.
const DOWNLOAD = 'join app  up up up    ok ok up    ok ok up    up   ok ok';

interface Route {
  method: 'GET' | 'POST';
  path: string;
  cells: string;
  /** JSON routes answer a visitor 401 instead of sending them to sign in. */
  json?: boolean;
  /** What an admitted call answers when not 200 (its own refusal of this input, its redirect, nothing to show). */
  answer?: number;
  form?: Record<string, string>;
  multipart?: boolean;
}

const MISSING = '0123456789abcdef01234567';

function routes(reportId: string, resourceId: string): Route[] {
  return [
    // Reporting: members' research, the staff console, and the report JSON under /api.
    { method: 'GET', path: '/reports', cells: RESEARCH },
    { method: 'GET', path: `/reports/${reportId}`, cells: RESEARCH },
    { method: 'GET', path: `/reports/${reportId}/mine`, cells: BENCHMARK },
    { method: 'GET', path: '/admin/reports', cells: STAFF_ONLY },
    { method: 'GET', path: `/admin/reports/${reportId}`, cells: STAFF_ONLY },
    { method: 'GET', path: `/admin/reports/${reportId}/publish`, cells: STAFF_ONLY },
    { method: 'GET', path: `/admin/reports/${reportId}/unpublish`, cells: STAFF_ONLY },
    { method: 'GET', path: `/admin/reports/${reportId}/trends`, cells: STAFF_ONLY },
    { method: 'GET', path: `/admin/reports/${reportId}/responses.json`, cells: STAFF_ONLY },
    { method: 'GET', path: `/admin/reports/${reportId}/tables/ranking.csv`, cells: STAFF_ONLY },
    { method: 'POST', path: '/admin/reports/import', cells: STAFF_ONLY, multipart: true, answer: 422 },
    { method: 'POST', path: `/admin/reports/${MISSING}/recompute`, cells: STAFF_ONLY, answer: 404 },
    { method: 'POST', path: `/admin/reports/${MISSING}/publish`, cells: STAFF_ONLY, answer: 404 },
    { method: 'POST', path: `/admin/reports/${MISSING}/unpublish`, cells: STAFF_ONLY, answer: 404 },
    ...['ranking', 'response-rate', 'progress', 'skew', 'weighted', 'segments'].map((table): Route => ({
      method: 'GET',
      path: `/api/reports/${reportId}/${table}`,
      cells: STAFF_ONLY,
      json: true,
    })),
    // The census of the role: a public page; its JSON for staff (no census is computed here: 404).
    { method: 'GET', path: '/census', cells: OPEN },
    { method: 'GET', path: '/api/census', cells: STAFF_ONLY, json: true, answer: 404 },
    // The members' directory; a member's own listing choice stays theirs to change (or withdraw) whatever they pay.
    { method: 'GET', path: '/directory', cells: ACTIVE_MEMBERS },
    { method: 'GET', path: '/portal/directory', cells: MEMBERS },
    { method: 'POST', path: '/portal/directory', cells: MEMBERS, form: { listed: 'no' }, answer: 303 },
    // The resource library: everyone sees what is in it; a tier of the document's downloads it.
    { method: 'GET', path: '/resources', cells: OPEN },
    { method: 'GET', path: `/resources/${resourceId}`, cells: OPEN },
    { method: 'GET', path: `/resources/${resourceId}/download`, cells: DOWNLOAD },
    { method: 'GET', path: '/admin/resources', cells: STAFF_ONLY },
    { method: 'GET', path: `/admin/resources/${resourceId}/edit`, cells: STAFF_ONLY },
    { method: 'POST', path: '/admin/resources', cells: STAFF_ONLY, multipart: true, answer: 422 },
    { method: 'POST', path: `/admin/resources/${MISSING}`, cells: STAFF_ONLY, answer: 404 },
    { method: 'POST', path: `/admin/resources/${MISSING}/delete`, cells: STAFF_ONLY, answer: 404 },
  ];
}

function cellsOf(route: Route): Map<Viewer, Cell> {
  const cells = route.cells.trim().split(/\s+/) as Cell[];
  if (cells.length !== VIEWERS.length) {
    throw new Error(`${route.path}: ${cells.length} cells for ${VIEWERS.length} viewers`);
  }
  return new Map(VIEWERS.map((viewer, k) => [viewer, cells[k]]));
}

/** The membership billing writes for a tier in a state: the tier's entitlements while it grants benefits. */
function membershipOf(viewer: Viewer) {
  const [slug, state] = viewer.split('/');
  if (slug === 'member') {
    return { tier: null, state: 'none', entitlements: [] };
  }
  const tier = DEFAULT_TIERS.find((candidate) => candidate.slug === slug)!;
  const grants = state === 'active' || state === 'past_due';
  return { tier: slug, state, entitlements: grants ? [...tier.entitlements] : [] };
}

describe('Who may use each research, directory and resource route', () => {
  let t: TestApp;
  let table: Route[];
  const sessions = new Map<Viewer, { agent: ReturnType<typeof request.agent>; csrfToken: string }>();

  beforeAll(async () => {
    t = await createTestApp({ imports: [ReportingWorkerModule] });
    await seedDefaultTiers(t.app.get(TierRepository));
    for (const viewer of VIEWERS) {
      if (viewer === 'visitor') {
        const agent = request.agent(t.app.getHttpServer());
        const csrfToken = (await agent.get('/api/auth/csrf').expect(200)).body.csrfToken as string;
        sessions.set(viewer, { agent, csrfToken });
      } else if (viewer === 'applicant' || viewer === 'staff' || viewer === 'admin') {
        sessions.set(viewer, await signInAs(t, { role: viewer }));
      } else {
        sessions.set(viewer, await sessionFor(t, await buildMember(t, { membership: membershipOf(viewer) })));
      }
    }
    const staff = await signInAs(t, { role: 'staff' });
    const reportId = await reportFor(t, staff, 'Accountabilities 2026');
    await staff.agent
      .post(`/admin/resources?_csrf=${encodeURIComponent(staff.csrfToken)}`)
      .field('title', 'The CCO job description')
      .field('summary', 'What the role owns.')
      .field('category', 'Role definition')
      .field('tiers', 'council')
      .field('tiers', 'executive')
      .attach('file', docxOf('The Chief Customer Officer'), { filename: 'cco.docx' })
      .expect(303);
    const library = await request(t.app.getHttpServer()).get('/resources').expect(200);
    table = routes(reportId, /href="\/resources\/([a-f0-9]{24})"/.exec(library.text)![1]);
  });
  afterAll(() => t.close());

  it('has a written answer for every tier the council starts with', () => {
    const tiers = new Set(VIEWERS.map((viewer) => viewer.split('/')[0]));
    expect(DEFAULT_TIERS.map((tier) => tier.slug).filter((slug) => !tiers.has(slug))).toEqual([]);
  });

  for (const viewer of VIEWERS) {
    it(`answers ${viewer} on every route as the table says`, async () => {
      const { agent, csrfToken } = sessions.get(viewer)!;
      const wrong: string[] = [];
      for (const route of table) {
        const expected = cellsOf(route).get(viewer)!;
        const response = await send(agent, csrfToken, route);
        const problem = mismatch(route, expected, response);
        if (problem) {
          wrong.push(`${route.method} ${route.path}: expected ${expected}, ${problem}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

function send(agent: ReturnType<typeof request.agent>, csrfToken: string, route: Route) {
  if (route.method === 'GET') {
    return agent.get(route.path).set('Accept', route.json ? 'application/json' : 'text/html');
  }
  if (route.multipart) {
    return agent
      .post(`${route.path}?_csrf=${encodeURIComponent(csrfToken)}`)
      .set('Accept', 'text/html')
      .field('title', '');
  }
  return agent
    .post(route.path)
    .set('Accept', 'text/html')
    .type('form')
    .send({ _csrf: csrfToken, ...route.form });
}

/** Why this answer is not the expected one, or null when it is. */
function mismatch(route: Route, expected: Cell, response: request.Response): string | null {
  const got = `got ${response.status} ${String(response.headers.location ?? '')}`.trim();
  const page = response.text ?? '';
  switch (expected) {
    case 'ok': {
      const answer = route.answer ?? 200;
      return response.status === answer ? null : got;
    }
    case 'in':
      if (route.method === 'GET' && !route.json) {
        const signIn = `/sign-in?returnTo=${encodeURIComponent(route.path)}`;
        return response.status === 303 && response.headers.location === signIn ? null : got;
      }
      return response.status === 401 ? null : got;
    case 'no':
      return response.status === 403 && /does not have access/.test(page) ? null : got;
    case 'up':
      return response.status === 403 && page.includes('href="/membership"') ? null : `${got} (no link to /membership)`;
    case 'join':
      return response.status === 403 && page.includes('href="/join"') ? null : got;
    case 'app':
      return response.status === 403 && page.includes('href="/portal"') ? null : got;
  }
}
