// Counts the database commands an app process sends, so a benchmark can say what a request costs in
// round trips (steadier than req/s on a busy machine). Loaded into the measured app with
// NODE_OPTIONS=--require (see `commandCounter`); it wraps the driver's Connection.command, which every
// command goes through, and leaves the monitoring connections' `hello` out. On SIGWINCH it writes the
// counts so far to $ROUNDTABLE_BENCH_COMMANDS_FILE: SIGWINCH, because Nest's shutdown hooks stop the app
// on SIGUSR2, and a terminal-resize signal is ignored by default, so a stray one does no harm.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const COUNTS_FILE = 'ROUNDTABLE_BENCH_COMMANDS_FILE';

function install() {
  const { Connection } = require(path.join(__dirname, '../../node_modules/mongodb/lib/cmap/connection.js'));
  const counts = {};
  let snapshots = 0;
  const command = Connection.prototype.command;
  Connection.prototype.command = function (ns, cmd, ...rest) {
    const name = Object.keys(cmd)[0];
    if (name !== 'hello' && name !== 'ismaster' && name !== 'isMaster') {
      const key = typeof cmd[name] === 'string' ? `${name} ${cmd[name]}` : name;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return command.call(this, ns, cmd, ...rest);
  };
  process.on('SIGWINCH', () => {
    snapshots += 1;
    // The process's CPU time so far too: per request it is load-independent where req/s is not.
    const cpu = process.cpuUsage();
    const cpuMs = (cpu.user + cpu.system) / 1000;
    writeFileSync(process.env[COUNTS_FILE], JSON.stringify({ snapshot: snapshots, counts, cpuMs }));
  });
}

/**
 * For the benchmark's side: the environment that loads the counter into an app, and `snapshot(child)`,
 * which asks that process for its counts and its CPU milliseconds so far (resolves once it wrote them).
 * `name` tells apart the counters of several apps started in one benchmark.
 */
function commandCounter(dir, name = 'app') {
  const file = path.join(dir, `commands-${name}-${process.pid}-${Date.now()}.json`);
  let asked = 0;
  return {
    env: { NODE_OPTIONS: `--require "${require.resolve('./command-counter')}"`, [COUNTS_FILE]: file },
    async snapshot(child) {
      asked += 1;
      child.kill('SIGWINCH');
      for (let waited = 0; waited < 10_000; waited += 50) {
        try {
          const written = JSON.parse(readFileSync(file, 'utf8'));
          if (written.snapshot === asked) return { counts: written.counts, cpuMs: written.cpuMs };
        } catch {
          // Not written yet (or half written): look again.
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the app did not report its database commands');
    },
  };
}

/**
 * What happened between two snapshots, per request: the total and each command (e.g. "insert
 * survey_milestones"), and the app's CPU milliseconds (user and system).
 */
function commandsPer(before, after, requests) {
  const cpuMsPerRequest = Math.round(((after.cpuMs - before.cpuMs) / requests) * 100) / 100;
  const byCommand = {};
  let total = 0;
  for (const [key, count] of Object.entries(after.counts)) {
    const delta = count - (before.counts[key] ?? 0);
    if (delta > 0) {
      byCommand[key] = Math.round((delta / requests) * 100) / 100;
      total += delta;
    }
  }
  return { perRequest: Math.round((total / requests) * 100) / 100, byCommand, cpuMsPerRequest };
}

if (process.env[COUNTS_FILE] && require.main !== module) {
  install();
}

module.exports = { commandCounter, commandsPer };
