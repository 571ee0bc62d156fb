// Preloaded into an app (NODE_OPTIONS=--require) when BENCH_API_CPU_PROFILE names a directory: records a
// V8 CPU profile from start-up and writes it there when the app is stopped. `--cpu-prof` writes only on a
// normal exit, and Nest's shutdown hook re-raises SIGTERM, so the profile is taken here, before it does.
'use strict';
const inspector = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const dir = process.env.BENCH_API_CPU_PROFILE;
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');

function write() {
  // An in-process session answers synchronously, so the file is written before the handler returns.
  session.post('Profiler.stop', (error, result) => {
    if (error) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `api-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
}
process.prependOnceListener('SIGTERM', write);
