// Pages: requests/s and latency of the pages visitors and members load most, at 50 connections, with
// the stated data in the database, each beside a static file served by the same app in the same run.
'use strict';
const { generateBlog } = require('./lib/generate');
const { startApp } = require('./lib/environment');
const { compare } = require('./lib/load');
const { memberSession } = require('./lib/session');

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
    return { dataSize: { members: data.members, posts: data.posts, comments: data.comments }, rows };
  } finally {
    await api.stop();
  }
}

module.exports = {
  name: 'pages',
  title: 'Pages at 50 connections vs a static file from the same app',
  run,
};
