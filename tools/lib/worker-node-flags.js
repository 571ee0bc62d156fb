// The V8 flags the worker runs with, on its command line: V8 sizes the young generation when the
// process starts (setFlagsFromString afterwards leaves it as it was), so each launcher passes them:
// package.json's start:worker, docker-compose.yml, tools/dev/start.js and the benchmarks
// (apps/worker/src/node-flags.spec.ts holds them to this list).
//
// --max-semi-space-size=16: Node 24's V8 lets each of the young generation's two semi-spaces grow to
// 64 MB (128 MB in all; Node 20 stopped at 16 MB each). Sending allocates fast, so the worker's young
// generation grew to that size and stayed resident: its peak resident set went from ~190 MB to
// 330–370 MB with the same code (distribution benchmark, docs/performance.md). At 16 MB a scavenge runs
// more often over a smaller space; the live heap is the same.
//
// --heap-growing-percent=50: the old generation may grow to 1.5× what the last full collection kept
// (V8's own factor goes up to 4×). On the command line, not set from main.ts: the limit V8 sets at the
// start-up collections (live heap ~61 MB) used its own factor when main.ts set the flag later, so the
// first send ran ~15–30 s before the next full collection, the heap used reached 177–212 MB and the
// resident set 291–347 MB at 5,000 members; from the start, 133 MB and 257 MB (docs/performance.md).
'use strict';

const WORKER_NODE_FLAGS = ['--max-semi-space-size=16', '--heap-growing-percent=50'];

module.exports = { WORKER_NODE_FLAGS };
