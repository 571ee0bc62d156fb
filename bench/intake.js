// Response intake: completed submissions per second through /s/<token>, each with a distinct token,
// with an invitation and a link per member in the database. Baseline: the same token lookup and
// insert with the raw driver and no framework (bench/lib/raw-intake-server.js), in the same run.
'use strict';
const { generateSurvey } = require('./lib/generate-surveys');
const { fireEach, summarise, round } = require('./lib/load');
const { startRawIntakeServer } = require('./lib/raw-intake-server');

const GOAL = { ratio: 0.5, p99: 100, errors: 0 };

async function run(environment, options) {
  const invitations = options.members;
  const perRun = options.quick ? 100 : 1_000;
  const survey = await generateSurvey(environment.database.uri, { invitations });
  const raw = await startRawIntakeServer(environment.database.uri);
  try {
    const body = 'held=item1&held=item2&held=item3';
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
    const baselineRuns = [];
    for (let i = 0; i < options.load.runs; i++) {
      baselineRuns.push(
        await fireEach(
          raw.url,
          take(perRun).map((t) => `/raw/s/${t}`),
          { connections: options.load.connections, body, headers },
        ),
      );
    }
    const baseline = summarise(baselineRuns);
    return {
      dataSize: { invitations, links: invitations },
      rows: [
        {
          name: 'raw driver: token lookup + response insert',
          figures: baseline,
          baselineName: 'itself (the least work a submission needs)',
          baseline,
          ratio: round(1, 3),
          goal: GOAL,
          meetsGoal: baseline.errors === 0 && baseline.p99 < GOAL.p99,
          note: 'The /s/<token> submission is measured beside this once the response page is on main.',
        },
      ],
    };
  } finally {
    await raw.stop();
  }
}

module.exports = {
  name: 'intake',
  title: 'Response intake: completed submissions with distinct tokens vs the raw driver',
  run,
};
