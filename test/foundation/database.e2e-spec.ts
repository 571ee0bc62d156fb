import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { Schema, type Model } from 'mongoose';
import {
  ConflictError,
  duplicateAsConflict,
  insertOnce,
  insertOrConflict,
  isDuplicateKeyError,
  upsertRacing,
  wonUniqueWrite,
} from '@roundtable/core';
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

  describe('insert once, else conflict', () => {
    interface Probe {
      _id: string;
      slug: string;
      note: string;
    }
    let probes: Model<Probe>;

    beforeAll(async () => {
      const schema = new Schema<Probe>({ _id: String, slug: String, note: { type: String, default: 'none' } });
      schema.index({ slug: 1 }, { unique: true });
      probes = t.connection.model<Probe>('InsertOnceProbe', schema, 'insert_once_probes');
      await probes.createIndexes();
    });

    it('insertOnce returns the stored document (defaults applied) the first time, null when it is there', async () => {
      expect(await insertOnce(probes, { _id: 'a', slug: 'a' })).toEqual({ _id: 'a', slug: 'a', note: 'none', __v: 0 });
      expect(await insertOnce(probes, { _id: 'a', slug: 'other' })).toBeNull();
      // A second unique index counts the same as the _id.
      expect(await insertOnce(probes, { _id: 'b', slug: 'a' })).toBeNull();
      expect(await probes.countDocuments()).toBe(1);
    });

    it('insertOnce has one winner among racing inserts', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, n) => insertOnce(probes, { _id: 'race', slug: `race-${n}` })),
      );
      expect(results.filter((result) => result !== null)).toHaveLength(1);
    });

    it('insertOnce throws a failure that is not a duplicate', async () => {
      const strict = t.connection.model<Probe>(
        'InsertOnceStrictProbe',
        new Schema<Probe>({ _id: String, slug: { type: String, required: true }, note: String }),
        'insert_once_probes',
      );
      await expect(insertOnce(strict, { _id: 'c' })).rejects.toThrow(/slug/);
    });

    it('wonUniqueWrite says which of several racing inserts won, and throws what is not a duplicate', async () => {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, n) => wonUniqueWrite(probes.create({ _id: 'claim', slug: `claim-${n}` }))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      await expect(wonUniqueWrite(Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    });

    it('insertOrConflict answers a taken key with a ConflictError carrying the message', async () => {
      const stored = await insertOrConflict(probes, { _id: 'd', slug: 'd' }, 'That short name is taken.');
      expect(stored).toMatchObject({ _id: 'd', slug: 'd' });
      const refused = insertOrConflict(probes, { _id: 'e', slug: 'd' }, 'That short name is taken.');
      await expect(refused).rejects.toBeInstanceOf(ConflictError);
      await expect(refused).rejects.toThrow('That short name is taken.');
    });

    it('upsertRacing lands every one of several upserts racing to create one document', async () => {
      // Without the second try this failed on FerretDB: the racing upserts met a duplicate key.
      const notes = Array.from({ length: 8 }, (_, n) => `note-${n}`);
      const results = await Promise.all(
        notes.map((note) =>
          upsertRacing(() =>
            probes.updateOne({ _id: 'upsert' }, { $set: { note }, $setOnInsert: { slug: 'upsert' } }, { upsert: true }),
          ),
        ),
      );
      expect(results.every((result) => result.acknowledged)).toBe(true);
      const stored = await probes.find({ _id: 'upsert' }).lean();
      expect(stored).toHaveLength(1);
      expect(notes).toContain(stored[0].note);
    });

    it('upsertRacing throws a duplicate its second try meets too, and what is not a duplicate', async () => {
      await insertOnce(probes, { _id: 'h', slug: 'h' });
      // The filter misses 'h' (wrong note), so the upsert inserts `_id` 'h' again, every time.
      const conflicting = () =>
        probes.updateOne({ _id: 'h', note: 'other' }, { $set: { slug: 'h2' } }, { upsert: true });
      const thrown: unknown = await upsertRacing(conflicting).then(
        () => null,
        (error: unknown) => error,
      );
      expect(isDuplicateKeyError(thrown)).toBe(true);
      await expect(upsertRacing(() => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    });

    it('duplicateAsConflict turns an update that breaks a unique index into the ConflictError', async () => {
      await insertOnce(probes, { _id: 'f', slug: 'f' });
      const update = duplicateAsConflict(probes.updateOne({ _id: 'f' }, { $set: { slug: 'd' } }), 'Taken.');
      await expect(update).rejects.toThrow(new ConflictError('Taken.'));
      const fine = await duplicateAsConflict(probes.updateOne({ _id: 'f' }, { $set: { slug: 'g' } }), 'Taken.');
      expect(fine.matchedCount).toBe(1);
    });
  });
});
