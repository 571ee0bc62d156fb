// Starts the real local servers Roundtable runs against (FerretDB, mongod, stripe-mock) as child
// processes on loopback. Shared by `npm start` (tools/dev/start.js) and the test setup, so both use
// exactly the same servers. Plain CommonJS so it runs without a build step.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { mkdirSync, openSync } = require('node:fs');
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

function spawnServer(name, command, args, { logFile, env } = {}) {
  const out = logFile ? openSync(logFile, 'a') : 'ignore';
  const child = spawn(command, args, {
    stdio: ['ignore', out, out],
    env: { ...process.env, DO_NOT_TRACK: '1', ...env },
  });
  child.on('error', (error) => {
    process.stderr.write(`${name} failed to start: ${error.message}\n`);
  });
  return child;
}

function stopper(child) {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        return resolve();
      }
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
}

/** FerretDB v1 with its SQLite backend, data in `dir`. Returns its MongoDB URI and a stop function. */
async function startFerretDb({ port, dir, logFile }) {
  port ??= await freePort();
  mkdirSync(dir, { recursive: true });
  const child = spawnServer(
    'ferretdb',
    path.join(BIN, 'ferretdb'),
    ['--listen-addr', `127.0.0.1:${port}`, '--sqlite-dir', dir],
    { logFile },
  );
  await waitForPort(port, { child, name: 'ferretdb' });
  return { kind: 'FerretDB v1.24.2 (SQLite)', uri: `mongodb://127.0.0.1:${port}/`, port, stop: stopper(child), child };
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

function hasFerretDb() {
  return spawnSync(path.join(BIN, 'ferretdb'), ['--help'], { stdio: 'ignore' }).status === 0;
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

module.exports = {
  ROOT,
  BIN,
  freePort,
  waitForPort,
  isPortOpen,
  hasCommand,
  hasFerretDb,
  startFerretDb,
  startMongod,
  startStripeMock,
  startMailSink,
  startOidcProvider,
};
