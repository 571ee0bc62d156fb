import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { MemberRepository, MembersModule } from '@roundtable/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

/** A test-only route that writes through the real repository, so the duplicate reaches the real filter. */
@Controller('api/test-probe/members')
class MemberProbeController {
  constructor(private readonly members: MemberRepository) {}

  @Post()
  create(@Body() body: { email: string; name: string }) {
    return this.members.create(body);
  }

  @Get(':email')
  find(@Param('email') email: string) {
    return this.members.findByEmail(email);
  }
}

describe('The database (real FerretDB)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ imports: [MembersModule], controllers: [MemberProbeController] });
  });
  afterAll(() => t.close());

  it('writes through a repository and reads the same record back', async () => {
    const created = await t.app.get(MemberRepository).create({ email: ' Ada@Example.COM ', name: 'Ada Lovelace' });
    const found = await t.app.get(MemberRepository).findByEmail('ada@example.com');
    expect(found).not.toBeNull();
    expect(String(found!._id)).toBe(String(created._id));
    expect(found).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace' });
  });

  it('rejects a duplicate through the unique index with a 409 and a clear message, not a 500', async () => {
    // Writes carry a session's CSRF token like every state-changing request.
    const { agent, csrfToken } = await signInAs(t, { role: 'admin' });
    await agent
      .post('/api/test-probe/members')
      .set('x-csrf-token', csrfToken)
      .send({ email: 'grace@example.com', name: 'Grace' })
      .expect(201);
    const duplicate = await agent
      .post('/api/test-probe/members')
      .set('x-csrf-token', csrfToken)
      .send({ email: 'GRACE@example.com', name: 'Grace again' })
      .expect(409);
    expect(duplicate.body).toEqual({
      statusCode: 409,
      message: 'A member with the email address grace@example.com already exists.',
      path: '/api/test-probe/members',
    });
    const stored = await agent.get('/api/test-probe/members/grace@example.com').expect(200);
    expect(stored.body.name).toBe('Grace');
  });

  it('declares the unique index in the database itself', async () => {
    const indexes = await t.connection.collection('members').indexes();
    expect(indexes).toEqual(expect.arrayContaining([expect.objectContaining({ key: { email: 1 }, unique: true })]));
  });
});
