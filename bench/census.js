// Census: the whole census of the role (population series, arrivals and departures, Kaplan–Meier
// tenure figures, coverage of a 500-company list, segment cuts) for a roster of tenures, split into
// the worker's reading (the roster repository's one cursor) and computing (libs/census). Baseline:
// streaming the same documents through the driver and doing nothing with them. Goal: the computation
// of 100,000 tenures under 2 s. Sizes: 100,000 tenures (1,000 in --quick).
'use strict';
const { MongoClient, ObjectId } = require('mongoose').mongo;
const { median, round } = require('./lib/load');
const { step } = require('./lib/progress');
const { builtLib, countStreamed, openLibContext, time } = require('./lib/worker-context');

const GOAL = { computeSeconds: 2 };
const AS_OF = '2026-12-03';
const REVENUE = ['<$100M', '$100M–$1B', '>$1B'];
const REGIONS = ['North America', 'EMEA', 'APAC', 'Latin America'];
const MODELS = ['Service Revenue Driver', 'Generalist', 'Champion by Committee'];

/** A seeded roster as the app stores it: people with one to three tenures between 1995 and 2026. */
function generateTenures(count) {
  let state = 20_101_231;
  const random = () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
  const day = (ms) => new Date(ms).toISOString().slice(0, 10);
  const first = Date.parse('1995-01-01');
  const span = Date.parse('2026-11-30') - first;
  const now = new Date();
  const docs = [];
  for (let person = 0; docs.length < count; person++) {
    let start = first + Math.floor((random() * span) / 86_400_000) * 86_400_000;
    for (let k = 0, n = 1 + Math.floor(random() * random() * 3); k < n && docs.length < count; k++) {
      const ended = random() < 0.8;
      const end = start + Math.floor(30 + random() * 2_000) * 86_400_000;
      const company = `Company ${Math.floor(random() * 20_000)}`;
      docs.push({
        _id: new ObjectId(),
        externalId: `b${docs.length}`,
        person: `Person ${person}`,
        personKey: `person ${person}`,
        company,
        companyKey: company.toLowerCase(),
        companyId: null,
        title: 'Chief Customer Officer',
        start: day(start),
        end: ended && end < Date.parse('2026-12-01') ? day(end) : null,
        revenueBand: REVENUE[Math.floor(random() * 3)],
        businessModel: random() < 0.6 ? 'B2B' : 'B2C',
        industry: `Industry ${Math.floor(random() * 12)}`,
        region: REGIONS[Math.floor(random() * 4)],
        ccoModel: MODELS[Math.floor(random() * 3)],
        source: '',
        memberId: null,
        updatedAt: now,
      });
      start = end + Math.floor(random() * 200) * 86_400_000;
    }
  }
  return docs;
}

function rawStream(db) {
  return countStreamed([db.collection('roster_tenures').find()]);
}

/** The worker's own reading (the roster lib's repositories) in a Nest context of the built libs. */
async function appReader(environment, uri) {
  const roster = builtLib('roster');
  const app = await openLibContext(environment, uri, () => [roster.RosterDataModule]);
  return { app, roster, tenures: app.get(roster.TenureRepository), lists: app.get(roster.ReferenceListRepository) };
}

async function measureSize(environment, size, runs) {
  const uri = environment.database.uri.replace(/\/([^/]+)$/, `/$1_census_${size}`);
  const client = await MongoClient.connect(uri);
  const db = client.db();
  await db.collection('roster_tenures').deleteMany({});
  const docs = generateTenures(size);
  step(`census: writing ${size.toLocaleString('en-US')} tenures`);
  for (let k = 0; k < docs.length; k += 1_000) {
    await db.collection('roster_tenures').insertMany(docs.slice(k, k + 1_000), { ordered: false });
  }
  await db.collection('roster_reference_lists').deleteMany({});
  await db.collection('roster_reference_lists').insertOne({
    name: 'Fortune 500, 2010',
    date: '2010-06-01',
    companies: Array.from({ length: 500 }, (_, k) => ({ name: `Company ${k * 7}`, id: null, key: `company ${k * 7}` })),
    uploadedAt: new Date(),
  });
  const { app, roster, tenures, lists } = await appReader(environment, uri);
  const census = builtLib('census');
  try {
    const raw = [];
    const reads = [];
    const computes = [];
    let counted = 0;
    for (let i = 0; i < runs; i++) {
      raw.push((await time(() => rawStream(db))).ms);
      const r = await time(async () => {
        const all = [];
        for await (const page of tenures.streamAll()) {
          all.push(...page);
        }
        return { all, lists: await lists.all() };
      });
      reads.push(r.ms);
      const c = await time(() => {
        const { doc } = roster.rosterDocument(r.value.all, r.value.lists, AS_OF);
        return census.computeCensusWithCurve(doc);
      });
      computes.push(c.ms);
      counted = c.value.result.tenure.tenures;
    }
    // Tenures starting after the census date are left out by the contract.
    const expected = docs.filter((doc) => doc.start <= AS_OF).length;
    if (counted !== expected) {
      throw new Error(`The census counted ${counted} tenures of ${expected}; not reporting it`);
    }
    const read_ = median(reads);
    const compute_ = median(computes);
    const base = median(raw);
    return {
      name: `${size.toLocaleString('en-US')} tenures`,
      figures: {
        readSeconds: round(read_ / 1000, 2),
        computeSeconds: round(compute_ / 1000, 2),
        wholeSeconds: round((read_ + compute_) / 1000, 2),
        runs: reads.map((ms, k) => ({
          readMs: Math.round(ms),
          computeMs: Math.round(computes[k]),
          rawMs: Math.round(raw[k]),
        })),
      },
      baselineName: 'streaming the same documents through the driver',
      baseline: { seconds: round(base / 1000, 2) },
      ratio: round((read_ + compute_) / base, 2),
      goal: GOAL,
      meetsGoal: compute_ / 1000 < GOAL.computeSeconds,
    };
  } finally {
    await app.close();
    await client.close();
  }
}

async function run(environment, options) {
  const sizes = options.quick ? [1_000] : [100_000];
  const rows = [];
  for (const size of sizes) {
    step(`census: ${size.toLocaleString('en-US')} tenures`);
    rows.push(await measureSize(environment, size, options.load.runs));
  }
  return {
    dataSize: { tenures: sizes.join(' and ') },
    note: 'The goal is the computation (libs/census, as the worker runs it after reading the roster) under 2 s.',
    rows,
  };
}

module.exports = {
  name: 'census',
  title: 'Census: read the roster and compute the census vs streaming the documents',
  run,
};
