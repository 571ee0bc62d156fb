// Lookups: what one equality lookup costs through FerretDB on PostgreSQL, with the GIN indexes the app
// mirrors (IndexMirror in @roundtable/core) and without, measured in one run with the two states
// alternating round by round, so a busy machine weighs on both alike. Beside them, a `ping`: the floor
// of any command through the driver and FerretDB. Not part of `npm run bench`; run it alone:
//   node bench/lookups.js [--members 20000] [--rounds 3]
// The apps must be built (`npm run build`): the API is started once to create the mirrored indexes.
'use strict';
const { randomBytes } = require('node:crypto');
const { MongoClient, ObjectId } = require('mongoose').mongo;
const { Client } = require('pg');
const { startEnvironment, startApp, withDatabase } = require('./lib/environment');
const { generateBlog, insertInBatches } = require('./lib/generate');
const { generateSurvey } = require('./lib/generate-surveys');
const { step } = require('./lib/progress');

const SEQUENTIAL = 200;
const CONCURRENCY = 16;
const CONCURRENT_MS = 3_000;

function parseArgs(argv) {
  const args = { members: 20_000, rounds: 3 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--members') args.members = Number(argv[++i]);
    else if (argv[i] === '--rounds') args.rounds = Number(argv[++i]);
    else throw new Error(`Unknown option ${argv[i]}. Options: --members N, --rounds N`);
  }
  return args;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** p50 and p99 of `SEQUENTIAL` lookups one after another, and lookups/s with `CONCURRENCY` at once. */
async function measure(lookup) {
  const times = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const began = process.hrtime.bigint();
    await lookup(i);
    times.push(Number(process.hrtime.bigint() - began) / 1e6);
  }
  times.sort((a, b) => a - b);
  let done = 0;
  const until = Date.now() + CONCURRENT_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, lane) => {
      for (let i = lane; Date.now() < until; i += CONCURRENCY) {
        await lookup(i);
        done += 1;
      }
    }),
  );
  return { p50: percentile(times, 50), p99: percentile(times, 99), perSecond: done / (CONCURRENT_MS / 1000) };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  step('lookups: starting FerretDB on PostgreSQL and the local servers');
  const environment = withDatabase(await startEnvironment({ backend: 'postgresql' }), 'lookups');
  const client = new MongoClient(environment.database.uri);
  let pg = null;
  try {
    await client.connect();
    const db = client.db();
    step(`lookups: generating ${args.members} members, invitations with their links, and sessions`);
    await generateBlog(environment.database.uri, { members: args.members, posts: 1, comments: 0 });
    const survey = await generateSurvey(environment.database.uri, { invitations: args.members });
    const sessionIds = Array.from({ length: args.members }, () => randomBytes(24).toString('base64url'));
    const expires = new Date(Date.now() + 86_400_000);
    await insertInBatches(db.collection('sessions'), args.members, (i) => ({
      _id: sessionIds[i],
      expires,
      lastModified: new Date(),
      session: { cookie: { expires }, memberId: `member-${i}`, csrfToken: randomBytes(32).toString('hex') },
    }));
    const links = await db
      .collection('survey_links')
      .find({}, { projection: { _id: 1 } })
      .limit(1_000)
      .toArray();
    const key = (i, n) => (i * 7919) % n;
    const lookups = {
      ping: () => db.command({ ping: 1 }),
      'member by email': (i) =>
        db.collection('members').findOne({ email: `member${key(i, args.members)}@bench.roundtable.test` }),
      'survey link by token hash': (i) =>
        db.collection('survey_links').findOne({ _id: links[key(i, links.length)]._id }),
      'session by id': (i) =>
        db.collection('sessions').findOne({
          _id: sessionIds[key(i, args.members)],
          $or: [{ expires: { $exists: false } }, { expires: { $gt: new Date() } }],
        }),
      'survey by id': () => db.collection('surveys').findOne({ _id: new ObjectId(survey.surveyId) }),
    };

    step('lookups: the API starts once with the mirror on, creating the GIN indexes');
    const api = await startApp(environment, 'api', { FERRETDB_INDEX_MIRROR: 'on' });
    await api.stop();
    pg = new Client({ connectionString: environment.env.FERRETDB_POSTGRESQL_URL });
    await pg.connect();
    const schema = db.databaseName;
    const mirrored = (
      await pg.query(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname ~ '_rtgin_[0-9a-f]{8}$'`,
        [schema],
      )
    ).rows;
    if (mirrored.length === 0) throw new Error('The API created no mirrored index: is this FerretDB on PostgreSQL?');
    // What autovacuum does a while after a bulk load, so the planner knows the tables' sizes.
    for (const { tablename } of (await pg.query('SELECT tablename FROM pg_tables WHERE schemaname = $1', [schema]))
      .rows) {
      await pg.query(`ANALYZE "${schema}"."${tablename}"`);
    }
    const results = {};
    for (let round = 1; round <= args.rounds; round++) {
      for (const state of ['without', 'with']) {
        for (const { indexname, indexdef } of mirrored) {
          await pg.query(state === 'with' ? indexdef : `DROP INDEX "${schema}"."${indexname}"`);
        }
        step(`lookups: round ${round} of ${args.rounds}, ${state} the mirrored indexes`);
        for (const [name, lookup] of Object.entries(lookups)) {
          (results[`${name}|${state}`] ??= []).push(await measure(lookup));
        }
      }
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    process.stdout.write(
      `\nLookups through FerretDB on PostgreSQL, ${args.members} documents each (median of ${args.rounds} rounds; ` +
        `${SEQUENTIAL} sequential lookups for p50/p99, ${CONCURRENCY} at once for lookups/s)\n`,
    );
    process.stdout.write('| lookup | indexes | p50 ms | p99 ms | lookups/s |\n|---|---|---|---|---|\n');
    for (const name of Object.keys(lookups)) {
      for (const state of ['without', 'with']) {
        const runs = results[`${name}|${state}`];
        const row = [name, state, median(runs.map((r) => r.p50)).toFixed(2), median(runs.map((r) => r.p99)).toFixed(2)];
        process.stdout.write(`| ${row.join(' | ')} | ${Math.round(median(runs.map((r) => r.perSecond)))} |\n`);
      }
    }
  } finally {
    await pg?.end();
    await client.close();
    await environment.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`lookups failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
