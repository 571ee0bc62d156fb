import request from 'supertest';
import type { Role } from '@roundtable/auth';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

type Access = 'open' | Role[];

/** Every page people reach by GET, and who may enter it. */
const ROUTES: Array<{ path: string; access: Access; admitted?: number }> = [
  { path: '/sign-in', access: 'open' },
  { path: '/join', access: 'open' },
  { path: '/api/auth/csrf', access: 'open' },
  { path: '/apply', access: ['applicant', 'member', 'staff', 'admin'] },
  { path: '/portal', access: ['applicant', 'member', 'staff', 'admin'] },
  { path: '/portal/profile', access: ['applicant', 'member', 'staff', 'admin'] },
  { path: '/portal/data.json', access: ['applicant', 'member', 'staff', 'admin'] },
  { path: '/admin/applications', access: ['staff', 'admin'] },
  { path: '/admin/members', access: ['staff', 'admin'] },
  { path: '/admin/members.csv', access: ['staff', 'admin'] },
  // Billing.
  { path: '/membership', access: 'open' },
  // Admitted, and told that no checkout has this (missing) session id.
  { path: '/membership/welcome', access: ['applicant', 'member', 'staff', 'admin'], admitted: 404 },
  { path: '/admin', access: ['staff', 'admin'] },
  { path: '/admin/billing', access: ['staff', 'admin'] },
  { path: '/admin/billing/events', access: ['staff', 'admin'] },
  { path: '/admin/tiers', access: ['admin'] },
  // Blog.
  { path: '/', access: 'open' },
  { path: '/search?q=x', access: 'open' },
  { path: '/feed.xml', access: 'open' },
  { path: '/sitemap.xml', access: 'open' },
  { path: '/admin/posts', access: ['staff', 'admin'] },
  { path: '/admin/posts/new', access: ['staff', 'admin'] },
  { path: '/admin/comments', access: ['staff', 'admin'] },
  // Entitlement pages: these members have no paid membership, so only staff (entitled to all) enter;
  // the billing and blog tests switch them on with a membership.
  { path: '/membership/benefits', access: ['staff', 'admin'] },
  { path: '/portal/posts', access: ['staff', 'admin'] },
  { path: '/portal/posts/new', access: ['staff', 'admin'] },
];
const WHO: Role[] = ['visitor', 'applicant', 'member', 'staff', 'admin'];
const an = (role: Role) => `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;

describe('Who may enter each page', () => {
  let t: TestApp;
  const agents = new Map<Role, ReturnType<typeof request.agent>>();

  beforeAll(async () => {
    t = await createTestApp();
    agents.set('visitor', request.agent(t.app.getHttpServer()));
    for (const role of WHO.filter((r) => r !== 'visitor')) {
      agents.set(role, (await signInAs(t, { role: role as Exclude<Role, 'visitor'> })).agent);
    }
  });
  afterAll(() => t.close());

  for (const route of ROUTES) {
    for (const who of WHO) {
      const allowed = route.access === 'open' || route.access.includes(who);
      it(`${allowed ? 'admits' : 'turns away'} ${an(who)} at ${route.path}`, async () => {
        const response = await agents.get(who)!.get(route.path).set('Accept', 'text/html');
        if (allowed) {
          // /apply sends non-applicants on to the portal; /sign-in sends signed-in people on.
          expect(route.admitted ? [route.admitted] : [200, 303]).toContain(response.status);
          if (response.status === 303) {
            expect(response.headers.location).not.toMatch(/^\/sign-in/);
          }
        } else if (who === 'visitor') {
          expect(response.status).toBe(303);
          expect(response.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(route.path)}`);
        } else {
          expect(response.status).toBe(403);
          expect(response.text).toMatch(/You do not have access to this page|does not include this/);
        }
      });
    }
  }

  /**
   * Every form post of sign-in, applications and the portal, and who may make it. A refused sign-in
   * form answers 422 like every other form (the address or code as typed, the message beside it).
   */
  const ACTIONS: Array<{ path: string; access: Access; answer: number; form?: Record<string, string> }> = [
    { path: '/sign-in/email', access: 'open', answer: 422, form: { email: 'not-an-address' } },
    { path: '/sign-in/email/not-a-real-token', access: 'open', answer: 400 },
    { path: '/sign-in/code', access: 'open', answer: 422, form: { email: 'someone@example.test', code: 'abc' } },
    { path: '/sign-out', access: 'open', answer: 303 },
    { path: '/sign-out/everywhere', access: ['applicant', 'member', 'staff', 'admin'], answer: 303 },
    { path: '/apply', access: ['applicant', 'member', 'staff', 'admin'], answer: 422, form: { name: '' } },
    { path: '/portal/profile', access: ['applicant', 'member', 'staff', 'admin'], answer: 422, form: { name: '' } },
    {
      path: '/portal/delete',
      access: ['applicant', 'member', 'staff', 'admin'],
      answer: 303,
      form: { confirm: 'yes' },
    },
    { path: '/admin/applications/000000000000000000000000/approve', access: ['staff', 'admin'], answer: 404 },
    {
      path: '/admin/applications/000000000000000000000000/decline',
      access: ['staff', 'admin'],
      answer: 404,
      form: { reason: 'x', confirm: 'yes' },
    },
  ];

  for (const action of ACTIONS) {
    for (const who of WHO) {
      const allowed = action.access === 'open' || action.access.includes(who);
      it(`${allowed ? 'lets' : 'stops'} ${an(who)} posting to ${action.path}`, async () => {
        // A fresh session each time, with its CSRF token, so signing out here spoils no other test.
        let agent: ReturnType<typeof request.agent>;
        let csrfToken: string;
        if (who === 'visitor') {
          agent = request.agent(t.app.getHttpServer());
          csrfToken = (await agent.get('/api/auth/csrf').expect(200)).body.csrfToken;
        } else {
          ({ agent, csrfToken } = await signInAs(t, { role: who }));
        }
        const response = await agent
          .post(action.path)
          .set('Accept', 'text/html')
          .type('form')
          .send({ _csrf: csrfToken, ...action.form });
        if (allowed) {
          // Past the guard, the action answers for itself: done, or a 4xx about this input.
          expect(response.status).toBe(action.answer);
        } else {
          expect(response.status).toBe(who === 'visitor' ? 401 : 403);
          expect(response.text).toMatch(/Please sign in to continue|does not have access/);
        }
      });
    }
  }

  it('refuses staff actions from members even with a valid CSRF token', async () => {
    const member = await signInAs(t, { role: 'member' });
    const applicant = await signInAs(t, { role: 'applicant' });
    await member.agent
      .post(`/admin/applications/${String(applicant.member._id)}/approve`)
      .type('form')
      .send({ _csrf: member.csrfToken })
      .expect(403);
  });
});
