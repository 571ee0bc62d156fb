// Pages: requests/s and latency of the pages visitors and members load most, at 50 connections, with
// the stated data in the database, each beside a static file served by the same app in the same run.
'use strict';
const { setTimeout: sleep } = require('node:timers/promises');
const { URLSearchParams } = require('node:url');
const { generateBlog, generateStaff } = require('./lib/generate');
const { startApp } = require('./lib/environment');
const { compare } = require('./lib/load');
const { step } = require('./lib/progress');
const { memberSession, sessionFor } = require('./lib/session');
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

/**
 * The survey's result as staff get it: "Recompute now" (the real POST) queues the computation, a real
 * worker computes it into a snapshot, and the console's results page shows it. Returns the text that
 * proves the page shows this survey's computed result (its respondent count). The worker is stopped
 * before anything is measured, so it takes no CPU from the pages.
 */
async function computeResult(environment, api, staff, surveyId, respondents) {
  const page = `${api.url}/admin/reports/${surveyId}`;
  const proof = `<dt>Respondents</dt><dd>${respondents}</dd>`;
  const worker = await startApp(environment, 'worker');
  try {
    const queued = await fetch(`${page}/recompute`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ _csrf: staff.csrfToken }).toString(),
      headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    if (queued.status !== 303) {
      throw new Error(`"Recompute now" answered ${queued.status}: ${(await queued.text()).slice(0, 300)}`);
    }
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      const response = await fetch(page, { headers: { cookie: staff.cookie } });
      if (response.status === 200 && (await response.text()).includes(proof)) {
        return proof;
      }
      await sleep(500);
    }
    throw new Error(`The worker computed no result for the console within 3 minutes:\n${worker.stderr()}`);
  } finally {
    await worker.stop();
  }
}

async function run(environment, options) {
  step(
    `pages: generating ${options.members.toLocaleString('en-US')} members, ${options.posts} posts, ${options.comments.toLocaleString('en-US')} comments and a survey`,
  );
  const data = await generateBlog(environment.database.uri, {
    members: options.members,
    posts: options.posts,
    comments: options.comments,
  });
  // A survey sent to the council (an invitation and link each) with its first responses completed, for
  // the survey page and the console's results page; a staff member signs in to the console.
  const invitations = Math.min(options.members, 20_000);
  const responses = Math.min(invitations - 1, 2_000);
  const survey = await generateSurvey(environment.database.uri, { invitations, responses });
  const staffId = await generateStaff(environment.database.uri);
  const api = await startApp(environment, 'api');
  try {
    // A signed-in member's view is personal, so it is never cached: it shows what the database costs.
    const cookie = await memberSession(environment.database.uri, data.firstMemberId, environment.env.SESSION_SECRET);
    const staff = await sessionFor(environment.database.uri, staffId, environment.env.SESSION_SECRET);
    step('pages: a worker computes the survey result for the console');
    const resultShown = await computeResult(environment, api, staff, survey.surveyId, responses);
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
      {
        // Staff's view of the survey's result: the latest snapshot, rendered on every request.
        name: 'console results page, staff',
        path: `/admin/reports/${survey.surveyId}`,
        mustContain: resultShown,
        headers: { cookie: staff.cookie },
      },
    ];
    await check(`${api.url}${STATIC_FILE}`, 'body');
    const rows = [];
    // BENCH_PAGES=home,console: only the rows whose names contain one of these (to profile a few pages).
    const only = process.env.BENCH_PAGES?.split(',');
    for (const target of targets.filter((t) => !only || only.some((word) => t.name.includes(word)))) {
      await check(`${api.url}${target.path}`, target.mustContain, target.headers);
      step(`pages: ${target.name}`);
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
        responses,
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
