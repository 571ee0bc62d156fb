// Ranking: the full result (bootstrap 1,000, Kendall's W, skews, weights, segments) for a survey's
// completed responses of 16 items, split into reading them and computing. Baseline: streaming the same
// projection through the driver and doing nothing with it. Sizes: 10,000 and 100,000 responses.
'use strict';
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { MongoClient } = require('mongoose').mongo;
const { generateSurvey } = require('./lib/generate-surveys');
const { median, round } = require('./lib/load');
const servers = require('../tools/servers/local-servers');

const GOAL = { ratio: 1.5, computeSeconds: 5 };
const RESAMPLES = 1_000;

/** Streams the completed responses' projection (and the invited profiles) as the worker reads them. */
async function read(db, surveyId, keep) {
  const responses = [];
  const cursor = db
    .collection('survey_responses')
    .find({ surveyId, status: 'completed' }, { projection: { held: 1, profile: 1 }, batchSize: 5_000 })
    .sort({ _id: 1 });
  for await (const doc of cursor) {
    if (keep) responses.push(doc);
  }
  const invited = [];
  const invitations = db
    .collection('survey_invitations')
    .find({ surveyId, status: { $in: ['sent', 'queued'] } }, { projection: { profile: 1 }, batchSize: 5_000 })
    .sort({ _id: 1 });
  for await (const doc of invitations) {
    if (keep) invited.push({ profile: doc.profile });
  }
  return { responses, invited };
}

function compute(rankings, items, data) {
  const label = new Map(items.map((item) => [item.key, item.label]));
  const doc = {
    items: items.map((item) => item.label),
    responses: data.responses.map((r) => ({ held: r.held.map((key) => label.get(key)), profile: r.profile })),
    invited: data.invited,
    options: { seed: 42, resamples: RESAMPLES, top_k: 7, min_cell: 5 },
  };
  return rankings.computeRanking(doc);
}

async function time(fn) {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

async function measureSize(environment, size, runs) {
  // Each size in a database of its own, so the smaller survey is not read among the larger one's.
  const uri = environment.database.uri.replace(/\/([^/]+)$/, `/$1_ranking_${size}`);
  const survey = await generateSurvey(uri, { invitations: size, responses: size });
  const rankings = require(path.join(servers.ROOT, 'dist', 'libs', 'rankings', 'src', 'index.js'));
  const client = await MongoClient.connect(uri);
  try {
    const db = client.db();
    const raw = [];
    const reads = [];
    const computes = [];
    let respondents = 0;
    for (let i = 0; i < runs; i++) {
      raw.push((await time(() => read(db, survey.surveyId, false))).ms);
      const r = await time(() => read(db, survey.surveyId, true));
      reads.push(r.ms);
      const c = await time(() => compute(rankings, survey.items, r.value));
      computes.push(c.ms);
      respondents = c.value.respondents;
    }
    if (respondents !== size) {
      throw new Error(`The ranking counted ${respondents} respondents of ${size}; not reporting it`);
    }
    const read_ = median(reads);
    const compute_ = median(computes);
    const base = median(raw);
    const whole = read_ + compute_;
    return {
      name: `${size.toLocaleString('en-US')} responses × 16 items`,
      figures: {
        readSeconds: round(read_ / 1000, 2),
        computeSeconds: round(compute_ / 1000, 2),
        wholeSeconds: round(whole / 1000, 2),
        responsesPerSec: round(size / (whole / 1000), 0),
        runs: reads.map((ms, k) => ({
          readMs: Math.round(ms),
          computeMs: Math.round(computes[k]),
          rawMs: Math.round(raw[k]),
        })),
      },
      baselineName: 'streaming the same projection through the driver',
      baseline: { seconds: round(base / 1000, 2) },
      ratio: round(whole / base, 2),
      goal: GOAL,
      meetsGoal: whole / base <= GOAL.ratio && compute_ / 1000 < GOAL.computeSeconds,
    };
  } finally {
    await client.close();
  }
}

async function run(environment, options) {
  const sizes = options.quick ? [1_000] : options.rankingSizes;
  const rows = [];
  for (const size of sizes) {
    rows.push(await measureSize(environment, size, options.load.runs));
  }
  return { dataSize: { responses: sizes.join(' and '), items: 16, resamples: RESAMPLES }, rows };
}

module.exports = {
  name: 'ranking',
  title: 'Ranking: read and compute the full result vs streaming the projection',
  run,
};
