// `npm start`: runs Roundtable on its embedded default, offline, on this machine.
//   database  MONGODB_URI if set; else a mongod on the PATH; else FerretDB (on PostgreSQL when installed,
//             else SQLite; the other is the fallback) with data in .data/
//   stripe    stripe-mock on loopback, behind the local stand-in for Checkout and the Customer Portal
//   email     the local mailbox (SMTP sink + page)
//   LinkedIn  the local OpenID Connect provider, when tools/ has it
// then seeds demo data (idempotent), starts the API and the worker, and prints where to look.
// Ctrl-C stops everything. Local secrets are generated once into .data/dev-secrets.json (git-ignored).
'use strict';
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const servers = require('../servers/local-servers');
const { WORKER_NODE_FLAGS } = require('../lib/worker-node-flags');

const ROOT = servers.ROOT;
const DATA = path.join(ROOT, '.data');
const PORT = Number(process.env.PORT ?? 3000);

function log(line) {
  process.stdout.write(`${line}\n`);
}

/** Secrets for local runs only: random, kept across restarts so sessions survive, never committed. */
function localSecrets() {
  const file = path.join(DATA, 'dev-secrets.json');
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8'));
  }
  const secrets = {
    SESSION_SECRET: randomBytes(32).toString('hex'),
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('hex')}`,
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

async function portOr(preferred) {
  return (await servers.isPortOpen(preferred)) ? servers.freePort() : preferred;
}

async function startDatabase(running) {
  if (process.env.MONGODB_URI) {
    return { kind: 'MongoDB at MONGODB_URI', uri: process.env.MONGODB_URI };
  }
  const logFile = path.join(DATA, 'database.log');
  if (servers.hasCommand('mongod')) {
    const db = await servers.startMongod({ port: await portOr(27017), dir: path.join(DATA, 'mongod'), logFile });
    running.push(db);
    return { kind: db.kind, uri: `${db.uri}roundtable` };
  }
  if (servers.hasFerretDb()) {
    // The default backend first (PostgreSQL when installed); the other is the fallback if it cannot start.
    const [preferred, ...fallbacks] = servers.ferretDbBackends();
    for (const backend of [preferred, ...fallbacks]) {
      const dir = path.join(DATA, backend === 'sqlite' ? 'ferretdb' : `ferretdb-${backend}`);
      try {
        const db = await servers.startFerretDb({ backend, port: await portOr(27017), dir, logFile });
        running.push(db);
        return {
          kind: `${db.kind}, data in ${path.relative(ROOT, dir)}`,
          uri: `${db.uri}roundtable`,
          postgresUrl: db.postgresUrl,
        };
      } catch (error) {
        log(`FerretDB on ${backend} did not start (${error.message}); trying the next backend.`);
      }
    }
  }
  throw new Error(
    'No database: set MONGODB_URI, put mongod on the PATH, or run `bash tools/install-servers.sh` to build FerretDB.',
  );
}

function startApp(name, entry, env) {
  const flags = entry.startsWith('worker/') ? WORKER_NODE_FLAGS : [];
  const child = spawn(process.execPath, [...flags, path.join(ROOT, 'dist', 'apps', entry)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} stopped (${signal ?? `exit ${code}`}); stopping everything.`);
      void stopAll(code ?? 1);
    }
  });
  return child;
}

function runToEnd(entry, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'apps', entry)], {
      cwd: ROOT,
      env,
      stdio: 'inherit',
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${entry} exited with ${code}`))));
  });
}

const running = [];
const apps = [];
let stopping = false;

async function stopAll(code = 0) {
  stopping = true;
  for (const app of apps) {
    app.kill('SIGTERM');
  }
  await Promise.all(
    apps.map((app) => new Promise((resolve) => (app.exitCode !== null ? resolve() : app.once('exit', resolve)))),
  );
  await Promise.all(running.map((server) => server.stop()));
  if (code === 0) {
    log('Roundtable stopped.');
  }
  process.exit(code);
}

async function main() {
  mkdirSync(DATA, { recursive: true });
  for (const entry of ['api/src/main.js', 'worker/src/main.js']) {
    if (!existsSync(path.join(ROOT, 'dist', 'apps', entry))) {
      throw new Error('The apps are not built: run `npm start` (it builds) or `npm run build`.');
    }
  }
  const secrets = localSecrets();
  const database = await startDatabase(running);
  const stripe = await servers.startStripeMock({ logFile: path.join(DATA, 'stripe-mock.log') });
  running.push(stripe);
  const mail = await servers.startMailSink({
    smtpPort: await portOr(1025),
    httpPort: await portOr(1080),
    logFile: path.join(DATA, 'mail-sink.log'),
  });
  running.push(mail);

  const baseUrl = `http://localhost:${PORT}`;
  const stripePages = await servers.startStripePages({
    port: await portOr(8091),
    stripeMockUrl: stripe.url,
    appUrl: baseUrl,
    webhookSecret: secrets.STRIPE_WEBHOOK_SECRET,
    stateFile: path.join(DATA, 'stripe-pages.json'),
    logFile: path.join(DATA, 'stripe-pages.log'),
  });
  running.push(stripePages);
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(PORT),
    APP_BASE_URL: baseUrl,
    MONGODB_URI: database.uri,
    ...(database.postgresUrl ? { FERRETDB_POSTGRESQL_URL: database.postgresUrl } : {}),
    LOG_FORMAT: 'pretty',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    SMTP_URL: mail.smtpUrl,
    MAIL_FROM: 'Roundtable Council <council@roundtable.local>',
    STRIPE_SECRET_KEY: 'sk_test_123',
    ...stripePages.stripeEnvironment,
    ...secrets,
  };

  let oidc = null;
  if (typeof servers.startOidcProvider === 'function') {
    oidc = await servers.startOidcProvider({ port: await portOr(8090), logFile: path.join(DATA, 'oidc.log') });
    running.push(oidc);
    Object.assign(env, oidc.linkedInEnvironment ?? {});
  }

  log('Seeding demo data (only what is missing)...');
  await runToEnd('worker/src/seed.js', env);

  apps.push(startApp('API', 'api/src/main.js', env));
  apps.push(startApp('Worker', 'worker/src/main.js', env));
  await servers.waitForPort(PORT, { name: 'the API', timeoutMs: 60_000 });

  log('');
  log(`Roundtable is running at ${baseUrl}`);
  log(`  database      ${database.kind}`);
  log(`  local mailbox ${mail.url}   (every email sent lands here)`);
  log(
    `  Stripe        stripe-mock at ${stripe.url}, behind the local Checkout and Customer Portal at ${stripePages.url}`,
  );
  log('                (card 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined)');
  if (oidc) {
    log(`  LinkedIn      local OpenID Connect provider at ${oidc.url} (sign in offline)`);
  }
  log(`  health        ${baseUrl}/health     API docs ${baseUrl}/api/docs`);
  log(`  sign in       ${baseUrl}/sign-in: "Sign in with LinkedIn" (the local stand-in; admin@roundtable.local is`);
  log('                the demo admin) or an email link for any demo address, opened from the local mailbox');
  log('Press Ctrl-C to stop.');
}

function stopOnSignal() {
  if (stopping) {
    return;
  }
  log('\nStopping Roundtable (the API, the worker and the local servers)...');
  void stopAll(0);
}

process.on('SIGINT', stopOnSignal);
process.on('SIGTERM', stopOnSignal);
main().catch(async (error) => {
  process.stderr.write(`npm start failed: ${error.message}\n`);
  await stopAll(1);
});
