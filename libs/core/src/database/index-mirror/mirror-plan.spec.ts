import {
  createIndexStatement,
  isMirrorIndexName,
  mirroredFields,
  mirrorIndexName,
  missingIndexes,
  type ModelIndexes,
} from './mirror-plan';

function model(collection: string, indexKeys: Array<Record<string, unknown>>, dates: string[] = []): ModelIndexes {
  return { collection, indexKeys, isDate: (path) => dates.includes(path) };
}

describe('mirroredFields', () => {
  it('mirrors _id and the single field of a plain or unique index', () => {
    const fields = mirroredFields([model('members', [{ email: 1 }, { name: 1 }])]);
    expect(fields.get('members')).toEqual(['_id', 'email', 'name']);
  });

  it('mirrors the leading fields of a compound index up to a date, _id or dotted path', () => {
    const fields = mirroredFields([
      model('jobs', [{ type: 1, status: 1, finishedAt: -1 }, { runAt: 1 }], ['finishedAt', 'runAt']),
      model('survey_responses', [{ surveyId: 1, _id: 1 }]),
      model('members', [
        { 'membership.state': 1, _id: 1 },
        { role: 1, 'profile.company': 1, tier: 1 },
      ]),
    ]);
    expect(fields.get('jobs')).toEqual(['_id', 'type', 'status']);
    expect(fields.get('survey_responses')).toEqual(['_id', 'surveyId']);
    expect(fields.get('members')).toEqual(['_id', 'role']);
  });

  it('mirrors nothing beyond _id for date, text or hashed indexes, and lists each field once', () => {
    const fields = mirroredFields([
      model('sign_in_tokens', [{ expiresAt: 1 }, { body: 'text' }, { key: 'hashed' }], ['expiresAt']),
      model(
        'posts',
        [
          { status: 1, publishedAt: -1 },
          { status: 1, updatedAt: -1 },
        ],
        ['publishedAt', 'updatedAt'],
      ),
    ]);
    expect(fields.get('sign_in_tokens')).toEqual(['_id']);
    expect(fields.get('posts')).toEqual(['_id', 'status']);
  });

  it('merges two models of one collection', () => {
    const fields = mirroredFields([model('things', [{ a: 1 }]), model('things', [{ b: 1 }, { a: -1 }])]);
    expect(fields.get('things')).toEqual(['_id', 'a', 'b']);
  });
});

describe('missingIndexes', () => {
  const tables = [
    { collection: 'members', table: 'members_3b1d0c2a' },
    { collection: 'sessions', table: 'sessions_99aa1200' },
  ];
  const wanted = new Map([['members', ['_id', 'email']]]);

  it('asks for _id on every table, the wanted fields on modelled ones, and skips what exists', () => {
    const existing = new Set([mirrorIndexName('members_3b1d0c2a', '_id'), 'members_3b1d0c2a__id__9f_idx']);
    expect(missingIndexes(tables, wanted, existing)).toEqual([
      { name: mirrorIndexName('members_3b1d0c2a', 'email'), table: 'members_3b1d0c2a', field: 'email' },
      { name: mirrorIndexName('sessions_99aa1200', '_id'), table: 'sessions_99aa1200', field: '_id' },
    ]);
  });

  it('asks for nothing once every index exists', () => {
    const existing = new Set(missingIndexes(tables, wanted, new Set()).map((index) => index.name));
    expect(missingIndexes(tables, wanted, existing)).toEqual([]);
  });
});

describe('mirrorIndexName', () => {
  it('is the same for the same table and field, and differs otherwise', () => {
    expect(mirrorIndexName('members_1', 'email')).toBe(mirrorIndexName('members_1', 'email'));
    expect(mirrorIndexName('members_1', 'email')).not.toBe(mirrorIndexName('members_2', 'email'));
    expect(mirrorIndexName('members_1', 'email')).toMatch(/^members_1_email_rtgin_[0-9a-f]{8}$/);
  });

  it('stays within 63 characters and distinct for long names sharing a prefix', () => {
    const table = `${'a'.repeat(54)}_0011aabb`;
    const first = mirrorIndexName(table, `${'f'.repeat(30)}One`);
    const second = mirrorIndexName(table, `${'f'.repeat(30)}Two`);
    expect(first.length).toBeLessThanOrEqual(63);
    expect(second.length).toBeLessThanOrEqual(63);
    expect(first).not.toBe(second);
    expect(isMirrorIndexName(first)).toBe(true);
    expect(isMirrorIndexName('members_3b1d0c2a__id__9f_idx')).toBe(false);
  });
});

describe('createIndexStatement', () => {
  it('is idempotent SQL on the expression FerretDB filters by, with names quoted', () => {
    const sql = createIndexStatement('rt "db"', { name: 'n_rtgin_00000000', table: 't_1', field: "o'k" });
    expect(sql).toBe(`CREATE INDEX IF NOT EXISTS "n_rtgin_00000000" ON "rt ""db"""."t_1" USING gin ((_jsonb->'o''k'))`);
  });
});
