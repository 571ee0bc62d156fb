// HTTP load with autocannon: several runs of each target interleaved with its baseline, so both see
// the same machine load, and the median of the runs reported.
'use strict';
const autocannon = require('autocannon');
const { performance } = require('node:perf_hooks');

function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Waits until the app has answered what a run left in flight: autocannon stops at the end of its
 * duration, but the requests it had sent are still being served, and would slow the next run (a
 * slow page's backlog once left its static-file baseline at 0 requests/s). One more request of the
 * same URL queues behind them.
 */
async function settle(url, headers) {
  await fetch(url, { headers })
    .then((response) => response.arrayBuffer())
    .catch(() => undefined);
}

/** One autocannon run; requests/s is completed 2xx/3xx responses over the run's duration. */
async function fire(url, { connections, duration, headers = {}, method = 'GET', requests }) {
  const result = await autocannon({ url, connections, duration, headers, method, requests });
  await settle(url, headers);
  const ok = result['2xx'] + result['3xx'];
  return {
    requestsPerSec: ok / (result.duration || duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    // autocannon counts timeouts among errors, and 3xx among non2xx.
    errors: result.errors + result.non2xx - result['3xx'],
    requests: result.requests.total,
  };
}

function summarise(runs) {
  return {
    requestsPerSec: round(median(runs.map((r) => r.requestsPerSec))),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    runs: runs.map((r) => ({ ...r, requestsPerSec: round(r.requestsPerSec) })),
  };
}

const round = (value, digits = 1) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/**
 * Measures `target` against `baseline` (both URLs on the same app): a short warm-up of each, then
 * `runs` rounds of baseline-then-target. Returns both summaries and the ratio of their medians.
 */
async function compare(target, baseline, { connections, duration, runs, warmup = 1, headers }) {
  await fire(baseline, { connections, duration: warmup, headers });
  await fire(target, { connections, duration: warmup, headers });
  const targetRuns = [];
  const baselineRuns = [];
  for (let i = 0; i < runs; i++) {
    baselineRuns.push(await fire(baseline, { connections, duration, headers }));
    targetRuns.push(await fire(target, { connections, duration, headers }));
  }
  const figures = summarise(targetRuns);
  const base = summarise(baselineRuns);
  const ratio = base.requestsPerSec > 0 ? round(figures.requestsPerSec / base.requestsPerSec, 3) : null;
  return { figures, baseline: base, ratio };
}

module.exports = { fire, compare, median, round, summarise };

/**
 * One run that sends each of `paths` once (POST with `body`), e.g. a submission per distinct token;
 * requests/s is completed 2xx/3xx answers over the time from the start to the last answer. Not over
 * autocannon's own duration: with `amount` it notices the last answer only at its next one-second tick,
 * so 1,000 answers in 2.1 s or in 2.9 s both read as 3.01 s, and a ratio of two such runs moved in steps
 * (0.40× or 0.50× for the same code).
 */
async function fireEach(origin, paths, { connections, body, headers = {} }) {
  let next = 0;
  const startedAt = performance.now();
  let lastAnswerAt = startedAt;
  const run = autocannon({
    url: origin,
    connections: Math.min(connections, paths.length),
    amount: paths.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          path: paths[next++ % paths.length],
          body,
          headers: { ...req.headers, ...headers },
        }),
      },
    ],
  });
  run.on('response', () => {
    lastAnswerAt = performance.now();
  });
  const result = await run;
  const ok = result['2xx'] + result['3xx'];
  return {
    requestsPerSec: ok / ((lastAnswerAt - startedAt) / 1000),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx - result['3xx'],
    requests: result.requests.total,
  };
}

module.exports.fireEach = fireEach;
