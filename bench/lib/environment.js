// The real local servers a benchmark runs against, started through tools/servers/local-servers.js
// exactly as `npm start` and the tests start them, plus the built API and worker as child processes.
'use strict';
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const servers = require('../../tools/servers/local-servers');
const { WORKER_NODE_FLAGS } = require('../../tools/lib/worker-node-flags');

const DATABASE_NAME = 'roundtable_bench';

/**
 * Starts the database (FerretDB on the given backend), the SMTP sink, stripe-mock and the OIDC
 * provider in a temporary directory. Returns what a benchmark needs to start apps and reach the data.
 */
async function startEnvironment({ backend }) {
  const dir = mkdtempSync(path.join(tmpdir(), `roundtable-bench-${backend}-`));
  const running = [];
  // The API and worker processes a benchmark started and has not stopped yet (startApp keeps this up
  // to date), so stopping the environment (at the end, or on Ctrl-C/SIGTERM) never leaves one running.
  const apps = new Set();
  const stopAll = async () => {
    await Promise.all([...apps].map((app) => app.stop()));
    await Promise.all(running.map((server) => server.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const database = await servers.startFerretDb({
      backend,
      dir: path.join(dir, 'ferretdb'),
      logFile: path.join(dir, 'ferretdb.log'),
    });
    running.push(database);
    const mail = await servers.startMailSink({ logFile: path.join(dir, 'mail-sink.log') });
    running.push(mail);
    const stripe = await servers.startStripeMock({ logFile: path.join(dir, 'stripe-mock.log') });
    running.push(stripe);
    const oidc = await servers.startOidcProvider({ logFile: path.join(dir, 'oidc.log') });
    running.push(oidc);
    const uri = `${database.uri}${DATABASE_NAME}`;
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      MONGODB_URI: uri,
      ...(database.postgresUrl ? { FERRETDB_POSTGRESQL_URL: database.postgresUrl } : {}),
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      SMTP_URL: mail.smtpUrl,
      MAIL_FROM: 'Roundtable Bench <council@roundtable.test>',
      SESSION_SECRET: 'bench-session-secret-0123456789abcdef0123456789',
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_API_URL: stripe.url,
      STRIPE_WEBHOOK_SECRET: 'whsec_bench_0123456789',
      ...oidc.linkedInEnvironment,
    };
    return { dir, database: { kind: database.kind, backend, uri }, mail, stripe, env, running, apps, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Starts a built app (`api` or `worker`) and waits until it serves; `extraEnv` overrides variables. */
async function startApp(environment, app, extraEnv = {}) {
  const entry = path.join(servers.ROOT, 'dist', 'apps', app, 'src', 'main.js');
  const port = await servers.freePort();
  const env = { ...environment.env, PORT: String(port), APP_BASE_URL: `http://127.0.0.1:${port}`, ...extraEnv };
  // BENCH_API_CPU_PROFILE=<dir>: the API records a CPU profile into <dir> (bench/lib/cpu-profile.js).
  if (app === 'api' && process.env.BENCH_API_CPU_PROFILE) {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require "${path.join(__dirname, 'cpu-profile.js')}"`.trim();
  }
  // The worker with the flags its launchers give it (tools/lib/worker-node-flags.js), so its memory is
  // measured as it runs.
  const flags = app === 'worker' ? WORKER_NODE_FLAGS : [];
  const child = spawn(process.execPath, [...flags, entry], {
    cwd: servers.ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The worker serves no port: it is ready when it says so on stdout (apps/worker/src/main.ts).
  const started = new Promise((resolve) => {
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout = (stdout + chunk.toString()).slice(-4000);
      if (stdout.includes('worker started')) resolve();
    });
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exitedAlready = () => child.exitCode !== null || child.signalCode !== null;
  const stop = () =>
    new Promise((resolve) => {
      if (exitedAlready()) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
  const handle = { stop };
  environment.apps?.add(handle);
  child.once('exit', () => environment.apps?.delete(handle));
  if (app === 'api') {
    try {
      await servers.waitForPort(port, { child, name: `the ${app}`, timeoutMs: 120_000 });
    } catch (error) {
      await stop();
      throw new Error(`${error.message}\n${stderr}`, { cause: error });
    }
  }
  if (app === 'worker') {
    const exited = new Promise((_, reject) =>
      child.once('exit', (code) => reject(new Error(`the worker exited (${code}) before starting:\n${stderr}`))),
    );
    await Promise.race([started, exited]);
  }
  return { url: `http://127.0.0.1:${port}`, port, child, stop, stderr: () => stderr };
}

/**
 * The same servers with a database of the benchmark's own (`roundtable_bench_<name>`), so benchmarks
 * sharing one environment never see each other's data. Stopping it stops the shared servers.
 */
function withDatabase(environment, name) {
  const uri = environment.database.uri.replace(/\/[^/]*$/, `/${DATABASE_NAME}_${name}`);
  return {
    ...environment,
    database: { ...environment.database, uri },
    env: { ...environment.env, MONGODB_URI: uri },
  };
}

module.exports = { startEnvironment, startApp, withDatabase, DATABASE_NAME };
