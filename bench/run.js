// `npm run bench`: runs the benchmarks against the real local servers and the built apps, writes
// bench/results/<benchmark>-<database>.json and prints a table per benchmark.
//   --quick              small data, one short run each (CI proves the benchmarks still work; ~1 min)
//   --members N          members in the database (default 20,000; in --quick 1,000, and 300 invited by
//                        the distribution benchmark)
//   --database D         sqlite, postgresql or all (default: all that this machine has)
//   --only a,b           only these benchmarks (pages, intake, distribution, ranking, census)
//   --ranking-sizes a,b  responses per ranking (default 10000,100000)
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');
const servers = require('../tools/servers/local-servers');
const { startEnvironment, withDatabase } = require('./lib/environment');
const { machine, machineNote, table, write } = require('./lib/results');
const { step } = require('./lib/progress');

const BENCHMARKS = [
  require('./pages'),
  require('./intake'),
  require('./distribution'),
  require('./ranking'),
  require('./census'),
];

function parseArgs(argv) {
  const args = { quick: false, members: null, database: null, only: null, rankingSizes: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--quick') args.quick = true;
    else if (arg === '--members') args.members = Number(value());
    else if (arg === '--database') args.database = value();
    else if (arg === '--only') args.only = value().split(',');
    else if (arg === '--ranking-sizes') args.rankingSizes = value().split(',').map(Number);
    else
      throw new Error(
        `Unknown option ${arg}. Options: --quick, --members N, --database sqlite|postgresql|all, --only a,b`,
      );
  }
  if (args.members !== null && !(Number.isInteger(args.members) && args.members > 0)) {
    throw new Error('--members needs a positive whole number');
  }
  if (args.rankingSizes && !args.rankingSizes.every((n) => Number.isInteger(n) && n > 0)) {
    throw new Error('--ranking-sizes needs positive whole numbers, e.g. 10000,100000');
  }
  return args;
}

function options(args) {
  const quick = args.quick;
  return {
    quick,
    members: args.members ?? (quick ? 1_000 : 20_000),
    membersGiven: args.members !== null,
    posts: quick ? 20 : 200,
    comments: quick ? 500 : 5_000,
    rankingSizes: args.rankingSizes ?? [10_000, 100_000],
    load: quick
      ? { connections: 50, duration: 1, runs: 1, warmup: 1 }
      : { connections: 50, duration: 10, runs: 3, warmup: 2 },
  };
}

function backends(args) {
  const available = servers.ferretDbBackends();
  if (!args.database || args.database === 'all') {
    // Quick mode proves the harness on the default database only.
    return args.quick ? [available[0]] : available;
  }
  if (!available.includes(args.database)) {
    throw new Error(`--database ${args.database} is not available here (available: ${available.join(', ')})`);
  }
  return [args.database];
}

const ms = (v) => (v === null ? '–' : `${v} ms`);

function print(benchmark, result) {
  process.stdout.write(`\n${benchmark.title} — ${result.database.kind}, ${JSON.stringify(result.dataSize)}\n`);
  process.stdout.write(`${table(result.rows, columns(result))}\n`);
}

/** Table columns: durations for the ranking, throughput and latency for the rest. */
function columns(result) {
  const common = [
    ['baseline', (r) => r.baselineName],
    ['ratio', (r) => (r.ratio === null ? '–' : `${r.ratio}×`)],
    ['goal met', (r) => (r.meetsGoal ? 'yes' : 'no')],
  ];
  if (result.benchmark === 'ranking' || result.benchmark === 'census') {
    return [
      ['', (r) => r.name],
      ['read', (r) => `${r.figures.readSeconds} s`],
      ['compute', (r) => `${r.figures.computeSeconds} s`],
      ['whole', (r) => `${r.figures.wholeSeconds} s`],
      ['base', (r) => `${r.baseline.seconds} s`],
      ...common,
    ];
  }
  if (result.benchmark === 'distribution') {
    return [
      ['', (r) => r.name],
      ['seconds', (r) => `${r.figures.seconds} s`],
      ['emails/s', (r) => r.figures.messagesPerSec],
      ['peak MB', (r) => r.figures.peakMemoryMB],
      ['base s', (r) => `${r.baseline.seconds} s`],
      ['base emails/s', (r) => r.baseline.messagesPerSec],
      ...common,
    ];
  }
  return [
    ['', (r) => r.name],
    ['req/s', (r) => r.figures.requestsPerSec],
    ['p50', (r) => ms(r.figures.p50)],
    ['p99', (r) => ms(r.figures.p99)],
    ['errors', (r) => r.figures.errors],
    ['base req/s', (r) => r.baseline.requestsPerSec],
    ['base p99', (r) => ms(r.baseline.p99)],
    ...common,
  ];
}

async function main() {
  const began = Date.now();
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(servers.ROOT, 'dist', 'apps', 'api', 'src', 'main.js'))) {
    throw new Error('The apps are not built: run `npm run build` first.');
  }
  const opts = options(args);
  const chosen = BENCHMARKS.filter((b) => !args.only || args.only.includes(b.name));
  if (chosen.length === 0) {
    throw new Error(`--only matched nothing; benchmarks: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  }
  for (const backend of backends(args)) {
    // One set of servers per database backend; each benchmark gets a database of its own in it.
    step(`starting FerretDB (${backend}), stripe-mock and the other local servers`);
    const environment = await startEnvironment({ backend });
    // Ctrl-C (or SIGTERM) stops the API and worker processes and the servers this run started before leaving.
    const interrupted = () => void environment.stop().finally(() => process.exit(130));
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    try {
      for (const benchmark of chosen) {
        const startedAt = new Date();
        const host = machine();
        const outcome = await benchmark.run(withDatabase(environment, benchmark.name), opts);
        const result = {
          benchmark: benchmark.name,
          title: benchmark.title,
          measuredAt: startedAt.toISOString(),
          seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
          quick: opts.quick,
          database: { backend, kind: environment.database.kind },
          machine: host,
          load: opts.load,
          ...outcome,
          // The benchmark's own note (how it measures) first, then the machine's.
          note: [outcome.note, machineNote(host)].filter(Boolean).join(' ') || undefined,
        };
        print(benchmark, result);
        // A council of another size is its own result beside the standard one.
        const suffix = args.members === null ? '' : `-${opts.members}`;
        process.stdout.write(`written to ${write(`${benchmark.name}-${backend}${suffix}`, result, opts)}\n`);
      }
    } finally {
      process.removeListener('SIGINT', interrupted);
      process.removeListener('SIGTERM', interrupted);
      await environment.stop();
    }
  }
  process.stdout.write(`\nall benchmarks done in ${Math.round((Date.now() - began) / 1000)} s\n`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
