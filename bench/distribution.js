// Distribution: a survey sent to N members, from staff's "send" (the real POST) to the last invitation
// accepted by the SMTP sink, with one and with two built workers, beside raw nodemailer with the same
// pooled transport settings sending as many copies of the app's own invitation to the same sink in
// the same run. Worker peak memory is the worker process's VmHWM (peak resident set) from /proc.
'use strict';
const { spawn } = require('node:child_process');
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { URLSearchParams } = require('node:url');
const { MongoClient, ObjectId } = require('mongoose').mongo;
const { insertInBatches, member, random } = require('./lib/generate');
const { startApp } = require('./lib/environment');
const { sessionFor } = require('./lib/session');
const { startSmtpCounter } = require('./lib/smtp-counter');
const { round } = require('./lib/load');
const { commandCounter, commandsPer } = require('./lib/command-counter');
const { cpuMsPer, cpuSeconds } = require('./lib/process-cpu');
const { ITEMS } = require('./lib/generate-surveys');
const { every, step } = require('./lib/progress');

// The relay's limits, given to the workers and the baseline alike: the app's pool size
// (libs/mail/src/mail.config.ts) and a rate of 200 emails/s per process, 4× the app's default of 50.
// Why this rate: a relay limits each sender, so the baseline is raw nodemailer held to that rate (on
// this machine it can do ~1,000/s unthrottled, so at 200/s it is rate-bound and takes N/200 s
// whatever the machine's load), and our ratio says how much of the relay's rate one worker keeps
// after its own per-email work (links, delivery records, counters, status writes). At 50/s that
// work hid inside the rate and a 20,000-member run took 7 minutes per row; unthrottled, the baseline
// would be a CPU race between the sink and nodemailer on 2 shared cores, and two workers could not
// show ~2×. Since the limit is per process, two workers may send at twice the rate: 2× is reached
// when the database keeps up with both.
const POOL_SIZE = 5;
const RATE_PER_SECOND = 200;
const GOAL = { oneWorker: 0.7, twoWorkers: 1.8, peakMemoryMB: 300 };

/** N members in the survey audience and one staff member who presses "send". */
async function generateCouncil(uri, members) {
  const client = await MongoClient.connect(uri);
  try {
    const db = client.db();
    const rnd = random(21);
    const now = new Date();
    await insertInBatches(db.collection('members'), members, (i) => member(i, rnd, now));
    const staff = { ...member(members, rnd, now), _id: new ObjectId(), email: 'staff@bench.roundtable.test' };
    await db.collection('members').insertOne({ ...staff, role: 'staff', membership: null });
    return staff._id;
  } finally {
    await client.close();
  }
}

/** A draft survey to everyone, ready to send (what staff leave after the definition pages). */
async function draftSurvey(uri, title) {
  const client = await MongoClient.connect(uri);
  try {
    const now = Date.now();
    const _id = new ObjectId();
    await client
      .db()
      .collection('surveys')
      .insertOne({
        _id,
        title,
        intro: 'Which functions are yours, and in what order of priority?',
        items: ITEMS,
        profileQuestions: ['revenueBand', 'businessModel', 'ccoModel'],
        audience: { tiers: [], filters: {} },
        opensAt: null,
        closesAt: new Date(now + 30 * 86_400_000),
        reminders: [],
        status: 'draft',
        sentAt: null,
        closedAt: null,
        copiedFrom: null,
        createdAt: new Date(now),
        updatedAt: new Date(now),
      });
    return _id.toHexString();
  } finally {
    await client.close();
  }
}

/** Peak resident memory of a running process, in MB (Linux /proc). */
function peakMemoryMB(pid) {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? round(Number(match[1]) / 1024, 1) : null;
}

const timeoutFor = (count) => Math.round((count / RATE_PER_SECOND) * 4_000 + 180_000);

/** The workers' database commands and CPU ms so far, summed over them. */
async function commandsOf(workers) {
  const sum = { counts: {}, cpuMs: 0 };
  for (const worker of workers) {
    const { counts, cpuMs } = await worker.counter.snapshot(worker.child);
    for (const [key, count] of Object.entries(counts)) {
      sum.counts[key] = (sum.counts[key] ?? 0) + count;
    }
    sum.cpuMs += cpuMs;
  }
  return sum;
}

/**
 * One distribution by the running `workers`: seconds from "send" to the last accepted invitation, and
 * what each email cost: the workers' database commands and each process's CPU ms (read from /proc
 * before and after; the API, idle meanwhile, is not counted).
 */
async function distribute(environment, sink, staff, api, members, workers) {
  const surveyId = await draftSurvey(environment.database.uri, `Bench distribution, ${workers.length} worker(s)`);
  sink.reset();
  const apps = { workers: workers.map((w) => w.child.pid) };
  const commandsBefore = await commandsOf(workers);
  const cpuBefore = cpuSeconds(apps);
  const started = performance.now();
  const response = await fetch(`${api.url}/admin/surveys/${surveyId}/send`, {
    method: 'POST',
    body: new URLSearchParams({ _csrf: staff.csrfToken }).toString(),
    headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  if (response.status !== 303) {
    throw new Error(`"send" answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
  const stop = every(
    10_000,
    () =>
      `${workers.length} worker(s): ${sink.accepted().toLocaleString('en-US')} of ${members.toLocaleString('en-US')} invitations accepted`,
  );
  const done = await sink.waitFor(members, timeoutFor(members)).finally(stop);
  if (done.accepted !== members || done.recipients !== members) {
    throw new Error(`${members} members, but the sink took ${done.accepted} emails to ${done.recipients} addresses`);
  }
  const cpuMsPerEmail = cpuMsPer(cpuBefore, cpuSeconds(apps), members);
  const commandsPerEmail = commandsPer(commandsBefore, await commandsOf(workers), members);
  const seconds = (done.lastAcceptedAt - started) / 1000;
  const firstEmailSeconds = (done.firstAcceptedAt - started) / 1000;
  return {
    seconds,
    firstEmailSeconds,
    peakMemoryMB: Math.max(...workers.map((w) => peakMemoryMB(w.child.pid))),
    cpuMsPerEmail,
    commandsPerEmail,
  };
}

/** The baseline in its own process: raw nodemailer sending `members` copies of the app's invitation. */
async function baseline(environment, sink, members) {
  const file = path.join(environment.dir, 'invitation.eml');
  writeFileSync(file, sink.sample());
  sink.reset();
  const args = [sink.smtpUrl, POOL_SIZE, RATE_PER_SECOND, members, file].map(String);
  const child = spawn(process.execPath, [path.join(__dirname, 'lib', 'raw-mailer.js'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the raw nodemailer baseline failed (${code}): ${err}`);
  const done = await sink.waitFor(members, 10_000);
  if (done.recipients !== members) throw new Error(`the baseline reached ${done.recipients} of ${members} addresses`);
  return JSON.parse(out);
}

const figuresOf = (m, members) => ({
  seconds: round(m.seconds, 2),
  ...(m.firstEmailSeconds === undefined ? {} : { firstEmailSeconds: round(m.firstEmailSeconds, 2) }),
  messagesPerSec: round(members / m.seconds, 1),
  peakMemoryMB: round(m.peakMemoryMB, 1),
  ...(m.cpuMsPerEmail ? { cpuMsPerEmail: m.cpuMsPerEmail, commandsPerEmail: m.commandsPerEmail } : {}),
});

async function run(environment, options) {
  const members = options.quick && options.membersGiven === false ? 300 : options.members;
  const sink = await startSmtpCounter();
  const mailEnv = {
    SMTP_URL: sink.smtpUrl,
    MAIL_POOL_SIZE: String(POOL_SIZE),
    MAIL_RATE_PER_SECOND: String(RATE_PER_SECOND),
  };
  const env = { ...environment, env: { ...environment.env, ...mailEnv } };
  try {
    step(`distribution: generating ${members.toLocaleString('en-US')} members`);
    const staffId = await generateCouncil(environment.database.uri, members);
    const api = await startApp(env, 'api');
    try {
      const staff = await sessionFor(environment.database.uri, staffId, environment.env.SESSION_SECRET);
      // Interleaved, so the baseline sees the machine between the two: one worker, raw, two workers
      // (the first worker goes on into the two-worker run: one start fewer, and its peak covers both).
      // Each worker counts its database commands (bench/lib/command-counter.js).
      const startWorker = async (name) => {
        const counter = commandCounter(environment.dir, name);
        return { ...(await startApp(env, 'worker', counter.env)), counter };
      };
      const first = await startWorker('worker-1');
      let one;
      let raw;
      let two;
      try {
        step('distribution: one worker sends');
        one = await distribute(env, sink, staff, api, members, [first]);
        step(`distribution: one worker took ${round(one.seconds, 1)} s; raw nodemailer sends`);
        raw = await baseline(env, sink, members);
        step(`distribution: raw nodemailer took ${round(raw.seconds, 1)} s; two workers send`);
        const second = await startWorker('worker-2');
        try {
          two = await distribute(env, sink, staff, api, members, [first, second]);
        } finally {
          await second.stop();
        }
      } finally {
        await first.stop();
      }
      const base = figuresOf(raw, members);
      const row = (name, m, goal) => {
        const figures = figuresOf(m, members);
        const ratio = round(raw.seconds / m.seconds, 3);
        return {
          name,
          figures,
          baselineName: `raw nodemailer, pool ${POOL_SIZE}, ${RATE_PER_SECOND}/s`,
          baseline: base,
          ratio,
          goal: { ratio: goal, peakMemoryMB: GOAL.peakMemoryMB },
          meetsGoal: ratio >= goal && figures.peakMemoryMB < GOAL.peakMemoryMB,
        };
      };
      return {
        note: `Rate ${RATE_PER_SECOND} emails/s per process for workers and baseline alike (the relay's limit is per sender): the baseline is rate-bound at N/${RATE_PER_SECOND} s, so the ratio is the share of the relay's rate a worker keeps after its own per-email database work, and two workers can reach 2×.`,
        dataSize: { members },
        transport: { poolSize: POOL_SIZE, ratePerSecondPerProcess: RATE_PER_SECOND },
        load: { runs: 1 },
        rows: [row('1 worker', one, GOAL.oneWorker), row('2 workers', two, GOAL.twoWorkers)],
      };
    } finally {
      await api.stop();
    }
  } finally {
    await sink.stop();
  }
}

module.exports = {
  name: 'distribution',
  title: 'Distribution: invitations from "send" to the last accepted by the SMTP sink vs raw nodemailer',
  run,
};
