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
'use strict';

const WORKER_NODE_FLAGS = ['--max-semi-space-size=16'];

module.exports = { WORKER_NODE_FLAGS };
