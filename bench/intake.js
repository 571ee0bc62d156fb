// Response intake: completed submissions per second through /s/<token>, each with a distinct token,
// with an invitation and a link per member in the database. Baseline: the same token lookup and
// insert with the raw driver and no framework (bench/lib/raw-intake-server.js), in the same run.
'use strict';
const { generateSurvey } = require('./lib/generate-surveys');
const { fireEach, summarise, round } = require('./lib/load');
const { startRawIntakeServer } = require('./lib/raw-intake-server');
const { URLSearchParams } = require('node:url');
const { startApp } = require('./lib/environment');
const { commandCounter, commandsPer } = require('./lib/command-counter');
const { step } = require('./lib/progress');
const { MongoClient } = require('mongoose').mongo;

/** A complete answer as the form sends it without JavaScript: three items held and ranked, the profile. */
const ANSWER = new URLSearchParams([
  ['held', 'item1'],
  ['held', 'item2'],
  ['held', 'item3'],
  ['rank_item1', '1'],
  ['rank_item2', '2'],
  ['rank_item3', '3'],
  ['profile_revenueBand', '>$1B'],
  ['profile_businessModel', 'B2B'],
  ['profile_ccoModel', 'Generalist'],
  ['action', 'submit'],
]).toString();

async function completedCount(uri) {
  const client = await MongoClient.connect(uri);
  try {
    return await client.db().collection('survey_responses').countDocuments({ status: 'completed' });
  } finally {
    await client.close();
  }
}

/** One submission through the app first, so a form the app refuses is never measured as fast errors. */
async function checkSubmission(url, token) {
  const page = await fetch(`${url}/s/${token}`);
  const html = await page.text();
  if (page.status !== 200 || !html.includes('item1')) {
    throw new Error(`/s/<token> answered ${page.status} without the form; not measuring intake`);
  }
  const answer = await fetch(`${url}/s/${token}`, {
    method: 'POST',
    body: ANSWER,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  if (answer.status >= 400) {
    throw new Error(
      `a complete answer to /s/<token> was refused (${answer.status}): ${(await answer.text()).slice(0, 300)}`,
    );
  }
}

const GOAL = { ratio: 0.5, p99: 100, errors: 0 };

async function run(environment, options) {
  const invitations = options.members;
  step(`intake: generating a survey of ${invitations.toLocaleString('en-US')} invitations and links`);
  const perRun = options.quick ? 50 : 1_000;
  const survey = await generateSurvey(environment.database.uri, { invitations });
  const raw = await startRawIntakeServer(environment.database.uri);
  // The API counts its database commands, so the result says what one submission costs in round trips.
  const counter = commandCounter(environment.dir);
  const api = await startApp(environment, 'api', counter.env);
  try {
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    // Disjoint slices of the tokens: each submission completes a response no run has completed yet.
    let used = 0;
    const take = (n) => {
      if (used + n > survey.tokens.length) {
        throw new Error(`Not enough invitations (${survey.tokens.length}) for the submissions asked`);
      }
      const slice = survey.tokens.slice(used, used + n);
      used += n;
      return slice;
    };
    await checkSubmission(api.url, take(1)[0]);
    const before = await completedCount(environment.database.uri);
    const commandsBefore = await counter.snapshot(api.child);
    const load = { connections: options.load.connections, body: ANSWER, headers };
    const baselineRuns = [];
    const targetRuns = [];
    for (let i = 0; i < options.load.runs; i++) {
      step(`intake: run ${i + 1} of ${options.load.runs} (raw driver, then the app; ${perRun} submissions each)`);
      baselineRuns.push(
        await fireEach(
          raw.url,
          take(perRun).map((t) => `/raw/s/${t}`),
          load,
        ),
      );
      targetRuns.push(
        await fireEach(
          api.url,
          take(perRun).map((t) => `/s/${t}`),
          load,
        ),
      );
    }
    // Only the app's submissions reach the API between the snapshots (the baseline is its own server).
    const { cpuMsPerRequest, ...commands } = commandsPer(
      commandsBefore,
      await counter.snapshot(api.child),
      targetRuns.reduce((sum, r) => sum + r.requests, 0),
    );
    step(`intake: ${commands.perRequest} database commands and ${cpuMsPerRequest} ms of the API's CPU per submission`);
    const figures = summarise(targetRuns);
    const baseline = summarise(baselineRuns);
    // Every answered submission must have completed a response: counted in the database, not trusted.
    const completed = (await completedCount(environment.database.uri)) - before;
    const answered = [...targetRuns, ...baselineRuns].reduce((sum, r) => sum + r.requests - r.errors, 0);
    if (completed !== answered) {
      throw new Error(`${answered} submissions were answered but ${completed} responses completed`);
    }
    const ratio = round(figures.requestsPerSec / baseline.requestsPerSec, 3);
    return {
      dataSize: { invitations, links: invitations, submissionsPerRun: perRun },
      rows: [
        {
          name: 'completed submission through /s/<token>',
          figures,
          baselineName: 'raw driver: token lookup + insert',
          baseline,
          ratio,
          // Database commands per submission under load (the baseline's are 2: the link read and the insert).
          databaseCommands: commands,
          // The API's CPU time (user and system) per submission: with the load generator, the API,
          // FerretDB and PostgreSQL sharing the machine's cores, it bounds the rate as much as the commands.
          apiCpuMsPerRequest: cpuMsPerRequest,
          goal: GOAL,
          meetsGoal: ratio >= GOAL.ratio && figures.errors === 0 && figures.p99 < GOAL.p99,
        },
      ],
    };
  } finally {
    await api.stop();
    await raw.stop();
  }
}

module.exports = {
  name: 'intake',
  title: 'Response intake: completed submissions with distinct tokens vs the raw driver',
  run,
};
