// Pages: requests/s and latency of the pages visitors and members load most, at 50 connections, with
// the stated data in the database, each beside a static file served by the same app in the same run.
'use strict';
const { generateBlog } = require('./lib/generate');
const { startApp } = require('./lib/environment');
const { compare } = require('./lib/load');
const { memberSession } = require('./lib/session');
const { generateSurvey } = require('./lib/generate-surveys');

const STATIC_FILE = '/assets/site.css';
const GOAL = { ratio: 0.3, p99: 25 };

/** Fails loudly when a page does not show what it should, so a fast error page is never measured. */
async function check(url, mustContain, headers = {}) {
  const response = await fetch(url, { headers });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(mustContain)) {
    throw new Error(`${url} answered ${response.status} without "${mustContain}"; not measuring it`);
  }
}

async function run(environment, options) {
  const data = await generateBlog(environment.database.uri, {
    members: options.members,
    posts: options.posts,
    comments: options.comments,
  });
  // A survey sent to the council (an invitation and link each) with its first responses completed, for
  // the survey page. (The console's results page is not measured: the result of this data holds NaN in
  // its weighted table, which FerretDB refuses to store, so there is no snapshot to show.)
  const invitations = Math.min(options.members, 20_000);
  const survey = await generateSurvey(environment.database.uri, {
    invitations,
    responses: Math.min(invitations - 1, 2_000),
  });
  const api = await startApp(environment, 'api');
  try {
    // A signed-in member's view is personal, so it is never cached: it shows what the database costs.
    const cookie = await memberSession(environment.database.uri, data.firstMemberId, environment.env.SESSION_SECRET);
    const targets = [
      { name: 'home page', path: '/', mustContain: 'bench-post-0' },
      { name: 'post with 50 comments', path: data.measuredPost, mustContain: 'Comment 49:' },
      {
        name: 'post with 50 comments, signed in',
        path: data.measuredPost,
        mustContain: 'Sign out',
        headers: { cookie },
      },
      {
        name: 'survey page (/s/<token>)',
        path: `/s/${survey.tokens[survey.tokens.length - 1]}`,
        mustContain: 'Customer-centric tactics',
      },
    ];
    await check(`${api.url}${STATIC_FILE}`, 'body');
    const rows = [];
    for (const target of targets) {
      await check(`${api.url}${target.path}`, target.mustContain, target.headers);
      const measured = await compare(`${api.url}${target.path}`, `${api.url}${STATIC_FILE}`, {
        ...options.load,
        headers: target.headers,
      });
      rows.push({
        name: target.name,
        path: target.path,
        ...measured,
        baselineName: `static file ${STATIC_FILE}`,
        goal: GOAL,
        meetsGoal: measured.ratio >= GOAL.ratio && measured.figures.p99 < GOAL.p99 && measured.figures.errors === 0,
      });
    }
    return {
      dataSize: {
        members: data.members,
        posts: data.posts,
        comments: data.comments,
        invitations,
        responses: Math.min(invitations - 1, 2_000),
      },
      rows,
    };
  } finally {
    await api.stop();
  }
}

module.exports = {
  name: 'pages',
  title: 'Pages at 50 connections vs a static file from the same app',
  run,
};
