import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { Client } from 'pg';
import { SESSIONS_COLLECTION } from '@roundtable/auth';
import { FerretDbCatalog, IndexMirror, isMirrorIndexName, mirrorIndexName, newToken } from '@roundtable/core';
import { QuoteRepository } from '@roundtable/site';
import { createTestApp, TestApp } from '../support/create-test-app';
import { writeStoredSessions } from '../support/sessions';

/**
 * The mirrored GIN indexes, proved from PostgreSQL's side: the statements FerretDB itself sent for the
 * hot lookups (read back from pg_stat_statements) are explained, and must be index scans with the
 * mirror and sequential scans without it. Runs where the e2e servers are FerretDB on PostgreSQL.
 */
const POSTGRES_URL = process.env.TEST_POSTGRESQL_URL;
const onPostgres = POSTGRES_URL ? describe : describe.skip;

/** Enough rows of each that PostgreSQL's planner reads an index rather than the table when it can. */
const ROWS = 3_000;

interface HotLookup {
  name: string;
  collection: string;
  field: string;
  /** The filter as the app sends it. */
  filter: Record<string, unknown>;
  /** The value as FerretDB passes it to PostgreSQL (its JSON encoding: an ObjectId is its hex). */
  json: string;
}

onPostgres('Mirrored indexes on FerretDB/PostgreSQL', () => {
  let plain: TestApp;
  let mirrored: TestApp | null = null;
  let pg: Client;
  let schema: string;
  let lookups: HotLookup[];

  const tableOf = async (collection: string): Promise<string> => {
    const result = await pg.query<{ table: string }>(
      `SELECT _jsonb->>'table' AS table FROM "${schema}"._ferretdb_database_metadata WHERE _jsonb->>'_id' = $1`,
      [collection],
    );
    return result.rows[0].table;
  };
  const mirrorIndexes = async (): Promise<string[]> => {
    const result = await pg.query<{ indexname: string }>('SELECT indexname FROM pg_indexes WHERE schemaname = $1', [
      schema,
    ]);
    return result.rows.map((row) => row.indexname).filter(isMirrorIndexName);
  };
  /** The hot lookups, each as the app runs it (connect-mongo's session read carries its expiry `$or`). */
  const runLookups = async (app: TestApp, times = 1): Promise<void> => {
    for (let i = 0; i < times; i += 1) {
      for (const lookup of lookups) {
        expect(await app.connection.collection(lookup.collection).findOne(lookup.filter)).not.toBeNull();
      }
    }
  };
  /** The statement FerretDB sent for a lookup, as PostgreSQL recorded it, explained with the lookup's values. */
  const explain = async (lookup: HotLookup): Promise<string> => {
    const table = await tableOf(lookup.collection);
    const sent = await pg.query<{ query: string }>(
      `SELECT query FROM pg_stat_statements WHERE query LIKE $1 AND query LIKE '%@>%' ORDER BY calls DESC LIMIT 1`,
      [`%"${schema}"."${table}"%`],
    );
    expect(sent.rows).toHaveLength(1);
    const statement = sent.rows[0].query;
    expect(statement).toMatch(/WHERE _jsonb->\$1 @> \$2/);
    const types = ['text', 'jsonb', 'bigint'].slice(0, (statement.match(/\$\d/g) ?? []).length);
    const values = [lookup.field, lookup.json, 1].slice(0, types.length);
    const name = `hot_${randomBytes(4).toString('hex')}`;
    await pg.query(`PREPARE ${name}(${types.join(', ')}) AS ${statement}`);
    try {
      const literals = values.map((value) => (typeof value === 'number' ? String(value) : pgLiteral(value)));
      const plan = await pg.query<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE ${name}(${literals.join(', ')})`);
      return plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      await pg.query(`DEALLOCATE ${name}`);
    }
  };
  const indexScans = async (indexes: string[]): Promise<number[]> => {
    await pg.query('SELECT pg_stat_clear_snapshot()');
    const result = await pg.query<{ indexrelname: string; idx_scan: string }>(
      'SELECT indexrelname, idx_scan FROM pg_stat_user_indexes WHERE schemaname = $1',
      [schema],
    );
    return indexes.map((index) => Number(result.rows.find((row) => row.indexrelname === index)?.idx_scan ?? 0));
  };

  beforeAll(async () => {
    pg = new Client({ connectionString: POSTGRES_URL });
    await pg.connect();
    await pg.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    plain = await createTestApp({ env: { FERRETDB_INDEX_MIRROR: 'off' } });
    schema = plain.databaseName;
    lookups = await populate(plain);
    // Traffic begins before any index exists: FerretDB's connections prepare these statements and run
    // them well past the five times after which PostgreSQL settles on a generic plan unless told not to.
    await runLookups(plain, 40);
    // What autovacuum would do in a while, so the planner knows the tables' sizes now.
    for (const lookup of lookups) {
      await pg.query(`ANALYZE "${schema}"."${await tableOf(lookup.collection)}"`);
    }
  }, 120_000);
  afterAll(async () => {
    await mirrored?.app.close();
    await plain?.close();
    await pg?.end();
  });

  it('creates no index with the mirror switched off, and FerretDB scans the table for every hot lookup', async () => {
    expect(await mirrorIndexes()).toEqual([]);
    for (const lookup of lookups) {
      const plan = await explain(lookup);
      expect({ lookup: lookup.name, plan }).toEqual({ lookup: lookup.name, plan: expect.stringContaining('Seq Scan') });
    }
  });

  it('mirrors _id and the fields the schemas index for equality when an app starts with it on', async () => {
    mirrored = await createTestApp({
      env: {
        MONGODB_URI: `${process.env.TEST_MONGODB_URI}${schema}`,
        FERRETDB_INDEX_MIRROR: 'on',
        // Only its start-up mirror: its periodic check, falling between the race test's drops and its
        // three catalogs (seen under load in the full suite), made the indexes the race was to make.
        FERRETDB_INDEX_MIRROR_CHECK_MS: String(60 * 60 * 1000),
      },
    });
    const indexes = await mirrorIndexes();
    for (const [collection, field] of [
      ['members', '_id'],
      ['members', 'email'],
      ['survey_links', '_id'],
      ['survey_links', 'invitationId'],
      [SESSIONS_COLLECTION, '_id'],
      ['surveys', '_id'],
      ['surveys', 'status'],
      ['jobs', 'type'],
      ['jobs', 'status'],
    ]) {
      expect(indexes).toContain(mirrorIndexName(await tableOf(collection), field));
    }
    // Dates are ranges, dotted paths are not pushed down: neither is mirrored.
    expect(indexes).not.toContain(mirrorIndexName(await tableOf('jobs'), 'runAt'));
    expect(indexes).not.toContain(mirrorIndexName(await tableOf('members'), 'membership.state'));
  });

  it('turns the statements FerretDB sends for the hot lookups into scans of the mirrored indexes', async () => {
    for (const lookup of lookups) {
      const index = mirrorIndexName(await tableOf(lookup.collection), lookup.field);
      const plan = await explain(lookup);
      expect({ lookup: lookup.name, plan }).toEqual({
        lookup: lookup.name,
        plan: expect.stringMatching(new RegExp(`Index Scan on ${index}`)),
      });
    }
  });

  it('is used by FerretDB connections that ran the lookups before the indexes existed (custom plans)', async () => {
    const settings = await pg.query<{ mode: string }>(`SELECT current_setting('plan_cache_mode') AS mode`);
    expect(settings.rows[0].mode).toBe('force_custom_plan');
    const indexes: string[] = [];
    for (const lookup of lookups) {
      indexes.push(mirrorIndexName(await tableOf(lookup.collection), lookup.field));
    }
    const before = await indexScans(indexes);
    await runLookups(plain, 3);
    // An idle PostgreSQL backend publishes its counters within about ten seconds.
    let after = before;
    for (let waited = 0; waited < 20_000 && after.some((scans, i) => scans < before[i] + 3); waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await indexScans(indexes);
    }
    for (const [i, index] of indexes.entries()) {
      expect({ index, scans: after[i] - before[i] }).toEqual({ index, scans: expect.any(Number) });
      expect(after[i] - before[i]).toBeGreaterThanOrEqual(3);
    }
  });

  it('creates each index once when three processes mirror at the same moment', async () => {
    for (const index of await mirrorIndexes()) {
      await pg.query(`DROP INDEX "${schema}"."${index}"`);
    }
    const wanted = mirrored!.app.get(IndexMirror).wantedFields();
    const catalogs = [0, 1, 2].map(() => new FerretDbCatalog(POSTGRES_URL!));
    try {
      const created = await Promise.all(catalogs.map((catalog) => catalog.mirror(schema, wanted)));
      const names = created.flat().map((index) => index.name);
      expect(names.length).toBeGreaterThan(0);
      expect(new Set(names).size).toBe(names.length);
      expect(created.filter((list) => list.length > 0)).toHaveLength(1);
      expect((await mirrorIndexes()).sort()).toEqual([...names].sort());
    } finally {
      await Promise.all(catalogs.map((catalog) => catalog.close()));
    }
  });

  it('mirrors again a collection dropped and made again while the app runs', async () => {
    await mirrored!.app.close();
    mirrored = await createTestApp({
      env: {
        MONGODB_URI: `${process.env.TEST_MONGODB_URI}${schema}`,
        FERRETDB_INDEX_MIRROR: 'on',
        FERRETDB_INDEX_MIRROR_CHECK_MS: '200',
      },
    });
    await mirrored.connection.db!.dropCollection('site_quotes');
    await mirrored.app
      .get(QuoteRepository)
      .add({ quote: 'Again.', name: 'A member', title: '', company: '', linkedinUrl: '' });
    const table = await tableOf('site_quotes');
    const expected = [mirrorIndexName(table, '_id'), mirrorIndexName(table, 'position')];
    let indexes = await mirrorIndexes();
    for (let waited = 0; waited < 5_000 && !expected.every((name) => indexes.includes(name)); waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      indexes = await mirrorIndexes();
    }
    expect(indexes).toEqual(expect.arrayContaining(expected));
  });
});

/**
 * ROWS members, survey links, sessions and surveys (written through the models where there is one, the
 * sessions in connect-mongo's shape), and the four hot lookups of one of each.
 */
async function populate(t: TestApp): Promise<HotLookup[]> {
  const Member = t.connection.model('Member');
  const SurveyLink = t.connection.model('SurveyLink');
  const Survey = t.connection.model('Survey');
  const tag = randomBytes(3).toString('hex');
  const links = Array.from({ length: ROWS }, (_, i) => ({
    _id: newToken().hash,
    invitationId: `invitation-${i}`,
    surveyId: `survey-${i % 7}`,
  }));
  const surveys = Array.from({ length: ROWS }, (_, i) => ({ _id: new Types.ObjectId(), title: `Survey ${i}` }));
  const expires = new Date(Date.now() + 86_400_000);
  const sessions = Array.from({ length: ROWS }, (_, i) => ({
    _id: randomBytes(24).toString('base64url'),
    expires,
    session: { cookie: { expires }, memberId: `member-${i}` },
  }));
  await Member.insertMany(
    Array.from({ length: ROWS }, (_, i) => ({
      email: `m${i}.${tag}@example.test`,
      name: `Member ${i}`,
      role: 'member',
    })),
  );
  await SurveyLink.insertMany(links);
  await Survey.insertMany(surveys);
  await writeStoredSessions(t, sessions);
  const email = `m${ROWS - 1}.${tag}@example.test`;
  const link = links[ROWS - 2]._id;
  const session = sessions[ROWS - 3]._id;
  const survey = surveys[ROWS - 4]._id;
  return [
    { name: 'member by email', collection: 'members', field: 'email', filter: { email }, json: JSON.stringify(email) },
    {
      name: 'survey link by token hash',
      collection: 'survey_links',
      field: '_id',
      filter: { _id: link },
      json: JSON.stringify(link),
    },
    {
      name: 'session by id',
      collection: SESSIONS_COLLECTION,
      field: '_id',
      filter: { _id: session, $or: [{ expires: { $exists: false } }, { expires: { $gt: new Date() } }] },
      json: JSON.stringify(session),
    },
    {
      name: 'survey by id',
      collection: 'surveys',
      field: '_id',
      filter: { _id: survey },
      json: JSON.stringify(survey.toHexString()),
    },
  ];
}

function pgLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
