import { Controller, Get, Post } from '@nestjs/common';
import request from 'supertest';
import { CurrentMember, RequiresEntitlement, Roles, SessionMember, SessionService, STAFF } from '@roundtable/auth';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

/** Test-only routes behind each kind of guard. */
@Controller('api/test-probe')
class GuardProbeController {
  @Get('open')
  open(@CurrentMember() member?: SessionMember) {
    return { who: member?.role ?? 'visitor' };
  }

  @Roles(...STAFF)
  @Get('staff')
  staff() {
    return { ok: true };
  }

  @RequiresEntitlement('take_surveys')
  @Get('surveys')
  surveys() {
    return { ok: true };
  }

  @Roles('member')
  @Post('change')
  change() {
    return { changed: true };
  }
}

describe('Sessions, CSRF and guards', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ controllers: [GuardProbeController] });
  });
  afterAll(() => t.close());

  it('loads the signed-in member from the database session', async () => {
    const { agent } = await signInAs(t, { role: 'staff' });
    await agent.get('/api/test-probe/open').expect(200, { who: 'staff' });
    await request(t.app.getHttpServer()).get('/api/test-probe/open').expect(200, { who: 'visitor' });
  });

  it('answers a visitor with 401 on a guarded API route and sends a person to the sign-in page', async () => {
    const api = await request(t.app.getHttpServer()).get('/api/test-probe/staff').expect(401);
    expect(api.body.message).toBe('Please sign in to continue.');
    const page = await request(t.app.getHttpServer()).get('/api/test-probe/staff').set('Accept', 'text/html');
    expect(page.status).toBe(401); // API paths always answer JSON
  });

  it('forbids a member from a staff route and admits staff and admins', async () => {
    const member = await signInAs(t, { role: 'member' });
    const forbidden = await member.agent.get('/api/test-probe/staff').expect(403);
    expect(forbidden.body.message).toMatch(/does not have access/);
    await (await signInAs(t, { role: 'staff' })).agent.get('/api/test-probe/staff').expect(200);
    await (await signInAs(t, { role: 'admin' })).agent.get('/api/test-probe/staff').expect(200);
  });

  it('checks entitlements from the membership summary, with staff entitled to everything', async () => {
    const without = await signInAs(t, {
      membership: { tier: 'associate', state: 'active', entitlements: ['comment'] },
    });
    await without.agent.get('/api/test-probe/surveys').expect(403);
    const withIt = await signInAs(t, {
      membership: { tier: 'council', state: 'active', entitlements: ['take_surveys'] },
    });
    await withIt.agent.get('/api/test-probe/surveys').expect(200);
    await (await signInAs(t, { role: 'staff' })).agent.get('/api/test-probe/surveys').expect(200);
  });

  it('refuses a state-changing request without the session CSRF token, and accepts it with the token', async () => {
    const { agent, csrfToken } = await signInAs(t, { role: 'member' });
    const refused = await agent.post('/api/test-probe/change').send({}).expect(403);
    expect(refused.body.message).toMatch(/expired or did not come from this site/);
    await agent.post('/api/test-probe/change').set('x-csrf-token', 'forged').send({}).expect(403);
    await agent.post('/api/test-probe/change').set('x-csrf-token', csrfToken).send({}).expect(201, { changed: true });
  });

  it('treats a tampered session cookie as signed out', async () => {
    const { cookie } = await signInAs(t, { role: 'staff' });
    const tampered = cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    await request(t.app.getHttpServer())
      .get('/api/test-probe/open')
      .set('Cookie', tampered)
      .expect(200, { who: 'visitor' });
  });

  it('signs a member out everywhere', async () => {
    const first = await signInAs(t, { role: 'staff' });
    const member = first.member;
    expect(await t.app.get(SessionService).signOutEverywhere(String(member._id))).toBe(1);
    await first.agent.get('/api/test-probe/open').expect(200, { who: 'visitor' });
  });
});
