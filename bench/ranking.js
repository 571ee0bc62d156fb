// Ranking: the full result (bootstrap 1,000, Kendall's W, skews, weights, segments) for a survey's
// completed responses of 16 items, split into the worker's reading (reporting's SurveyExchangeReader)
// and computing (libs/rankings). Baseline: streaming the same projections through the driver and doing
// nothing with them. Sizes: 10,000 and 100,000 responses.
'use strict';
const { MongoClient } = require('mongoose').mongo;
const { generateSurvey } = require('./lib/generate-surveys');
const { median, round } = require('./lib/load');
const { step } = require('./lib/progress');
const { builtLib, countStreamed, openLibContext, time } = require('./lib/worker-context');

const GOAL = { ratio: 1.5, computeSeconds: 5 };
const RESAMPLES = 1_000;

/** The baseline: the same two projections the reader streams, through the driver, doing nothing with them. */
function rawStream(db, surveyId) {
  return countStreamed([
    db
      .collection('survey_invitations')
      .find({ surveyId }, { projection: { profile: 1, tier: 1, status: 1, sentAt: 1 } }),
    db
      .collection('survey_responses')
      .find({ surveyId }, { projection: { held: 1, profile: 1, status: 1, completedAt: 1 } }),
  ]);
}

/**
 * The worker's own reading (reporting's SurveyExchangeReader over the surveys repositories), in a Nest
 * context of the built libs connected to `uri`, and the computation it runs (libs/rankings).
 */
async function appReader(environment, uri) {
  const app = await openLibContext(environment, uri, (lib) => [lib('reporting').ReportingDataModule]);
  return { app, reader: app.get(builtLib('reporting').SurveyExchangeReader), rankings: builtLib('rankings') };
}

async function measureSize(environment, size, runs) {
  // Each size in a database of its own, so the smaller survey is not read among the larger one's.
  const uri = environment.database.uri.replace(/\/([^/]+)$/, `/$1_ranking_${size}`);
  const survey = await generateSurvey(uri, { invitations: size, responses: size });
  const client = await MongoClient.connect(uri);
  const { app, reader, rankings } = await appReader(environment, uri);
  try {
    const db = client.db();
    const record = await reader.getSurveyOrFail(survey.surveyId);
    const raw = [];
    const reads = [];
    const computes = [];
    let respondents = 0;
    for (let i = 0; i < runs; i++) {
      raw.push((await time(() => rawStream(db, survey.surveyId))).ms);
      const r = await time(() => reader.read(record, { seed: 42, resamples: RESAMPLES, top_k: 7, min_cell: 5 }));
      reads.push(r.ms);
      const c = await time(() => rankings.computeRanking(r.value.doc, r.value.counts));
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
      baselineName: 'streaming the same projections through the driver',
      baseline: { seconds: round(base / 1000, 2) },
      ratio: round(whole / base, 2),
      goal: GOAL,
      meetsGoal: whole / base <= GOAL.ratio && compute_ / 1000 < GOAL.computeSeconds,
    };
  } finally {
    await app.close();
    await client.close();
  }
}

async function run(environment, options) {
  const sizes = options.quick ? [1_000] : options.rankingSizes;
  const rows = [];
  for (const size of sizes) {
    step(`ranking: ${size.toLocaleString('en-US')} responses`);
    rows.push(await measureSize(environment, size, options.load.runs));
  }
  return { dataSize: { responses: sizes.join(' and '), items: 16, resamples: RESAMPLES }, rows };
}

module.exports = {
  name: 'ranking',
  title: 'Ranking: read and compute the full result vs streaming the projection',
  run,
};
