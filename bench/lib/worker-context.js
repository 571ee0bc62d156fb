// What the ranking and census benchmarks share: the worker's own reading in a Nest context of the built
// libs (dist/), a driver cursor streamed and counted as the baseline, and a timer.
'use strict';
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const servers = require('../../tools/servers/local-servers');

/** A built lib's exports (dist/libs/<lib>/src/index.js): `npm run build` first. */
function builtLib(lib) {
  return require(path.join(servers.ROOT, 'dist', 'libs', lib, 'src', 'index.js'));
}

/**
 * A Nest application context connected to `uri`, importing core's module and the modules `importsOf`
 * picks from the built libs, as the worker would for the same reading.
 */
async function openLibContext(environment, uri, importsOf) {
  Object.assign(process.env, { ...environment.env, MONGODB_URI: uri, LOG_LEVEL: 'error' });
  const { NestFactory } = require('@nestjs/core');
  const { Module } = require('@nestjs/common');
  class BenchModule {}
  Module({ imports: [builtLib('core').CoreModule, ...importsOf(builtLib)] })(BenchModule);
  return NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
}

/** The baseline's reading: each cursor streamed in `_id` order in batches of 2,000, doing nothing but count. */
async function countStreamed(cursors) {
  let rows = 0;
  for (const cursor of cursors) {
    for await (const doc of cursor.sort({ _id: 1 }).batchSize(2_000)) {
      rows += doc ? 1 : 0;
    }
  }
  return rows;
}

async function time(fn) {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

module.exports = { builtLib, openLibContext, countStreamed, time };
