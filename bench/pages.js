// Pages: requests/s and latency of the pages visitors and members load most, at 50 connections, with
// the stated data in the database, each beside a static file served by the same app in the same run.
'use strict';
const { generateBlog } = require('./lib/generate');
const { startApp } = require('./lib/environment');
const { compare } = require('./lib/load');
const { memberSession } = require('./lib/session');
const { generateSurvey } = require('./lib/generate-surveys');
const { computeSnapshot } = require('./lib/snapshot');
const { MongoClient, ObjectId } = require('mongoose').mongo;

/** A staff member to read the reporting console as (the generated members are all members). */
async function staffMember(uri) {
  const client = await MongoClient.connect(uri);
  try {
    const _id = new ObjectId();
    const now = new Date();
    await client
      .db()
      .collection('members')
      .insertOne({
        _id,
        email: 'staff@bench.roundtable.test',
        name: 'Bench Staff',
        role: 'staff',
        membership: { tier: null, state: 'none', entitlements: [] },
        profile: null,
        application: { status: 'none' },
        createdAt: now,
        updatedAt: now,
      });
    return _id;
  } finally {
    await client.close();
  }
}

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
  // A survey sent to the council (an invitation and link each) with its first responses completed and
  // their result computed, for the survey page and the console's results page.
  const invitations = Math.min(options.members, 20_000);
  const survey = await generateSurvey(environment.database.uri, {
    invitations,
    responses: Math.min(invitations - 1, 2_000),
  });
  await computeSnapshot(environment, survey.surveyId);
  const staffCookie = await memberSession(
    environment.database.uri,
    await staffMember(environment.database.uri),
    environment.env.SESSION_SECRET,
  );
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
      {
        name: 'console results page (staff)',
        path: `/admin/reports/${survey.surveyId}`,
        mustContain: 'Customer-centric tactics',
        headers: { cookie: staffCookie },
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
