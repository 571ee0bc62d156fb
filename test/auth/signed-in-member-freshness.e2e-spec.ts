import request from 'supertest';
import { MemberRepository } from '@roundtable/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { writeMembers } from '../support/members';
import { signInAs } from '../support/sessions';

/**
 * Each API process keeps signed-in members in memory (SignedInMembers) so a page does not read the
 * member record; a change made through any process must still apply on the member's very next
 * request in every process. Two API processes on one database, as behind a load balancer.
 */
describe('The signed-in member is always current, in every process', () => {
  let t: TestApp;
  let other: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    other = await createTestApp({ env: { MONGODB_URI: `${process.env.TEST_MONGODB_URI}${t.databaseName}` } });
  });
  afterAll(async () => {
    await other.app.close();
    await t.close();
  });

  /** The same session's page through one process or the other. */
  const page = (app: TestApp, cookie: string) =>
    request(app.app.getHttpServer()).get('/admin/members').set('Cookie', cookie);

  it('applies a role change made through another process on the next request', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    // Both processes have now read (and kept) the member as staff, twice.
    for (let i = 0; i < 2; i++) {
      await page(t, staff.cookie).expect(200);
      await page(other, staff.cookie).expect(200);
    }
    await writeMembers(other, (members) => members.updateOne({ _id: staff.member._id }, { $set: { role: 'member' } }));
    await page(t, staff.cookie).expect(403);
    await page(other, staff.cookie).expect(403);
    // And back: the kept "member" is not served either.
    await writeMembers(t, (members) => members.updateOne({ _id: staff.member._id }, { $set: { role: 'staff' } }));
    await page(other, staff.cookie).expect(200);
    await page(t, staff.cookie).expect(200);
  });

  it('applies a membership change (what billing writes) made through another process on the next request', async () => {
    const member = await signInAs(t, {
      role: 'member',
      membership: { tier: 'council', state: 'active', entitlements: ['members_posts'] },
    });
    const benefits = (app: TestApp) =>
      request(app.app.getHttpServer()).get('/api/membership/benefits').set('Cookie', member.cookie);
    for (let i = 0; i < 2; i++) {
      await benefits(t).expect(200);
      await benefits(other).expect(200);
    }
    const id = String(member.member._id);
    await other.app.get(MemberRepository).setMembership(id, { tier: null, state: 'canceled', entitlements: [] });
    await benefits(t).expect(403);
    await benefits(other).expect(403);
  });

  it('treats an erased member as signed out on the next request in every process', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    await page(t, staff.cookie).expect(200);
    await page(other, staff.cookie).expect(200);
    // Straight through the repository, leaving the session in place: only the record is gone.
    expect(await other.app.get(MemberRepository).eraseMember(String(staff.member._id))).toBe(true);
    await page(t, staff.cookie).expect(401);
    await page(other, staff.cookie).expect(401);
  });
});
