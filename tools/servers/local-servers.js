// Starts the real local servers Roundtable runs against (FerretDB, mongod, stripe-mock) as child
// processes on loopback. Shared by `npm start` (tools/dev/start.js) and the test setup, so both use
// exactly the same servers. Plain CommonJS so it runs without a build step.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { chmodSync, chownSync, existsSync, mkdirSync, openSync, readdirSync, statSync } = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, '.tools', 'bin');

/** A port the OS says is free right now on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function isPortOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function waitForPort(port, { timeoutMs = 30_000, child, name } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`${name} exited with code ${child.exitCode} before listening on ${port}`);
    }
    if (await isPortOpen(port)) {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name ?? 'server'} did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

function spawnServer(name, command, args, { logFile, env, uid, gid } = {}) {
  const out = logFile ? openSync(logFile, 'a') : 'ignore';
  const child = spawn(command, args, {
    stdio: ['ignore', out, out],
    env: { ...process.env, DO_NOT_TRACK: '1', ...env },
    ...(uid === undefined ? {} : { uid, gid }),
  });
  child.on('error', (error) => {
    process.stderr.write(`${name} failed to start: ${error.message}\n`);
  });
  return child;
}

function stopper(child, signal = 'SIGTERM') {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        return resolve();
      }
      child.once('exit', () => resolve());
      child.kill(signal);
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
}

/**
 * The backends FerretDB can store into on this machine, the default first. PostgreSQL is the default
 * when Debian's server binaries are installed (tools/install-servers.sh installs them) and the FerretDB
 * binary serves it: FerretDB pushes equality filters into SQL there, so lookups stay fast as
 * collections grow, while on SQLite it scans. SQLite is the fallback.
 * `ROUNDTABLE_FERRETDB_BACKEND=sqlite` (or `postgresql`) picks one explicitly.
 */
function ferretDbBackends() {
  const available = BACKENDS_BY_PREFERENCE.filter(
    (backend) => backend === 'sqlite' || (postgresBinDir() !== null && hasFerretDb(backend)),
  );
  const preferred = process.env.ROUNDTABLE_FERRETDB_BACKEND;
  if (preferred) {
    if (!available.includes(preferred)) {
      throw new Error(
        `ROUNDTABLE_FERRETDB_BACKEND=${preferred} is not available here (available: ${available.join(', ')})`,
      );
    }
    return [preferred, ...available.filter((b) => b !== preferred)];
  }
  return available;
}
/**
 * The default first: PostgreSQL, measured faster where the database is the cost (bench/results: a
 * signed-in post page at 20,000 members ~21 req/s on PostgreSQL, every request over 10 s on SQLite).
 */
const BACKENDS_BY_PREFERENCE = ['postgresql', 'sqlite'];

/** Debian's PostgreSQL server binaries (the newest installed major version), or null. */
function postgresBinDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) {
    return null;
  }
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

/** PostgreSQL refuses to run as root: when we are root it runs as the `postgres` user (or `nobody`). */
function postgresUser() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return null;
  }
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) {
      return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
    }
  }
  throw new Error('PostgreSQL cannot run as root and there is no postgres or nobody user to run it as.');
}

/**
 * A PostgreSQL server for FerretDB, data in `dir` (initialised on first use), on loopback only, trust
 * authentication for the local `postgres` role. `throwaway` data (tests) skips fsync.
 */
async function startPostgres({ dir, logFile, throwaway = false }) {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      "PostgreSQL is not installed: run `bash tools/install-servers.sh` (it installs Debian's postgresql).",
    );
  }
  const user = postgresUser();
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (user) {
    chownSync(dir, user.uid, user.gid);
    // The server's user must be able to reach its directory: let others traverse (not list) each
    // ancestor we own, such as a private temporary directory.
    for (let up = path.dirname(dir); up !== path.dirname(up); up = path.dirname(up)) {
      const { mode, uid } = statSync(up);
      if (uid === process.getuid() && (mode & 0o001) === 0) {
        chmodSync(up, (mode & 0o7777) | 0o001);
      }
    }
  }
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    const init = spawnSync(
      path.join(bin, 'initdb'),
      ['-D', dir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
      { encoding: 'utf8', ...asUser },
    );
    if (init.status !== 0) {
      throw new Error(`initdb failed: ${init.stderr || init.error?.message}`);
    }
  }
  const port = await freePort();
  const settings = ['-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'];
  if (throwaway) {
    settings.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
    // Tests read the statements FerretDB sends (pg_stat_statements) to EXPLAIN them.
    settings.push('-c', 'shared_preload_libraries=pg_stat_statements');
  }
  const child = spawnServer('postgres', path.join(bin, 'postgres'), ['-D', dir, ...settings], { logFile, ...asUser });
  await waitForPort(port, { child, name: 'postgres' });
  // The server listens before it accepts connections; createdb retries until it can.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const created = spawnSync(
      path.join(bin, 'createdb'),
      ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'ferretdb'],
      {
        encoding: 'utf8',
      },
    );
    if (created.status === 0 || /already exists/.test(created.stderr)) {
      break;
    }
    if (Date.now() > deadline) {
      child.kill('SIGINT');
      throw new Error(`createdb failed: ${created.stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // FerretDB prepares each lookup once per connection, and after a few runs PostgreSQL would settle on a
  // generic plan, which cannot use the GIN expression indexes the app mirrors (the key is a parameter):
  // custom plans let an index created after traffic began be used at once. New connections read it.
  const customPlans = spawnSync(
    path.join(bin, 'psql'),
    [
      ...['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'ferretdb', '-v', 'ON_ERROR_STOP=1'],
      ...['-qc', 'ALTER DATABASE ferretdb SET plan_cache_mode = force_custom_plan'],
    ],
    { encoding: 'utf8' },
  );
  if (customPlans.status !== 0) {
    child.kill('SIGINT');
    throw new Error(`setting plan_cache_mode failed: ${customPlans.stderr || customPlans.error?.message}`);
  }
  // SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave).
  return { url: `postgres://postgres@127.0.0.1:${port}/ferretdb`, port, stop: stopper(child, 'SIGINT'), child };
}

/**
 * FerretDB v1 on `backend` (`sqlite`: files in `dir`; `postgresql`: a PostgreSQL server started here
 * with its data in `dir`). Returns its MongoDB URI and a stop function that stops what it started.
 */
async function startFerretDb({ port, dir, logFile, backend = 'sqlite', throwaway = false }) {
  port ??= await freePort();
  mkdirSync(dir, { recursive: true });
  if (backend === 'postgresql') {
    const postgres = await startPostgres({ dir: path.join(dir, 'postgresql'), logFile, throwaway });
    const child = spawnServer(
      'ferretdb',
      path.join(BIN, 'ferretdb'),
      ['--listen-addr', `127.0.0.1:${port}`, '--handler', 'postgresql', '--postgresql-url', postgres.url],
      { logFile },
    );
    const stopFerret = stopper(child);
    const stop = async () => {
      await stopFerret();
      await postgres.stop();
    };
    try {
      await waitForPort(port, { child, name: 'ferretdb' });
    } catch (error) {
      await stop();
      throw error;
    }
    return {
      kind: 'FerretDB v1.24.2 (PostgreSQL)',
      uri: `mongodb://127.0.0.1:${port}/`,
      port,
      stop,
      child,
      backend,
      // The app mirrors its equality indexes there (FERRETDB_POSTGRESQL_URL).
      postgresUrl: postgres.url,
    };
  }
  if (backend !== 'sqlite') {
    throw new Error(`Unknown FerretDB backend ${backend}: use sqlite or postgresql`);
  }
  const child = spawnServer(
    'ferretdb',
    path.join(BIN, 'ferretdb'),
    ['--listen-addr', `127.0.0.1:${port}`, '--sqlite-dir', dir],
    { logFile },
  );
  await waitForPort(port, { child, name: 'ferretdb' });
  return {
    kind: 'FerretDB v1.24.2 (SQLite)',
    uri: `mongodb://127.0.0.1:${port}/`,
    port,
    stop: stopper(child),
    child,
    backend,
  };
}

/** A mongod found on the PATH, data in `dir`. */
async function startMongod({ port, dir, logFile }) {
  port ??= await freePort();
  mkdirSync(dir, { recursive: true });
  const child = spawnServer('mongod', 'mongod', ['--bind_ip', '127.0.0.1', '--port', String(port), '--dbpath', dir], {
    logFile,
  });
  await waitForPort(port, { child, name: 'mongod' });
  return {
    kind: 'MongoDB (mongod on the PATH)',
    uri: `mongodb://127.0.0.1:${port}/`,
    port,
    stop: stopper(child),
    child,
  };
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Whether the FerretDB binary is built, and (for PostgreSQL) new enough to serve that backend. */
function hasFerretDb(backend = 'sqlite') {
  const help = spawnSync(path.join(BIN, 'ferretdb'), ['--help'], { encoding: 'utf8' });
  return help.status === 0 && (backend === 'sqlite' || `${help.stdout}${help.stderr}`.includes('-handler'));
}

/** stripe-mock, Stripe's own stateless API mock; the API key must look like `sk_test_123`. */
async function startStripeMock({ httpPort, httpsPort, logFile } = {}) {
  httpPort ??= await freePort();
  httpsPort ??= await freePort();
  const child = spawnServer(
    'stripe-mock',
    path.join(BIN, 'stripe-mock'),
    ['-http-addr', `127.0.0.1:${httpPort}`, '-https-addr', `127.0.0.1:${httpsPort}`],
    { logFile },
  );
  await waitForPort(httpPort, { child, name: 'stripe-mock' });
  return { url: `http://127.0.0.1:${httpPort}`, port: httpPort, stop: stopper(child), child };
}

/** The local mailbox (tools/servers/mail-sink.js): SMTP in, a page and JSON out. */
async function startMailSink({ smtpPort, httpPort, logFile } = {}) {
  smtpPort ??= await freePort();
  httpPort ??= await freePort();
  const child = spawnServer(
    'mail-sink',
    process.execPath,
    [path.join(__dirname, 'mail-sink.js'), '--smtp-port', String(smtpPort), '--http-port', String(httpPort)],
    { logFile },
  );
  await waitForPort(smtpPort, { child, name: 'mail-sink (SMTP)' });
  await waitForPort(httpPort, { child, name: 'mail-sink (HTTP)' });
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    url: `http://127.0.0.1:${httpPort}`,
    port: smtpPort,
    stop: stopper(child),
    child,
  };
}

/** The local OpenID Connect provider standing in for LinkedIn (tools/servers/oidc-provider.js). */
async function startOidcProvider({ port, logFile } = {}) {
  port ??= await freePort();
  const child = spawnServer(
    'oidc-provider',
    process.execPath,
    [path.join(__dirname, 'oidc-provider.js'), '--port', String(port)],
    {
      logFile,
    },
  );
  await waitForPort(port, { child, name: 'oidc-provider' });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    stop: stopper(child),
    child,
    /** What the app needs to use it as LinkedIn. */
    linkedInEnvironment: {
      LINKEDIN_CLIENT_ID: 'roundtable-local',
      LINKEDIN_CLIENT_SECRET: 'roundtable-local-secret',
      LINKEDIN_AUTHORIZATION_URL: `${url}/authorize`,
      LINKEDIN_TOKEN_URL: `${url}/token`,
      LINKEDIN_USERINFO_URL: `${url}/userinfo`,
    },
  };
}

/**
 * The local stand-in for Stripe's hosted Checkout and Customer Portal (tools/servers/stripe-pages.js).
 * It sits in front of stripe-mock: the app's STRIPE_API_URL points at it, and it delivers the events
 * of each payment or portal change to `appUrl`/webhooks/stripe, signed with `webhookSecret`.
 */
async function startStripePages({ port, stripeMockUrl, appUrl, webhookSecret, stateFile, logFile }) {
  port ??= await freePort();
  const args = [
    path.join(__dirname, 'stripe-pages.js'),
    '--port',
    String(port),
    '--stripe-mock',
    stripeMockUrl,
    '--app',
    appUrl,
    '--webhook-secret',
    webhookSecret,
  ];
  if (stateFile) {
    args.push('--state-file', stateFile);
  }
  const child = spawnServer('stripe-pages', process.execPath, args, { logFile });
  await waitForPort(port, { child, name: 'stripe-pages' });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    stop: stopper(child),
    child,
    /** What the app needs to use it as Stripe (with STRIPE_WEBHOOK_SECRET = webhookSecret). */
    stripeEnvironment: {
      STRIPE_API_URL: url,
      STRIPE_CHECKOUT_URL: `${url}/checkout`,
      STRIPE_PORTAL_URL: `${url}/portal`,
    },
  };
}

module.exports = {
  ROOT,
  BIN,
  freePort,
  waitForPort,
  isPortOpen,
  hasCommand,
  hasFerretDb,
  ferretDbBackends,
  postgresBinDir,
  startFerretDb,
  startMongod,
  startStripeMock,
  startMailSink,
  startOidcProvider,
  startStripePages,
};
