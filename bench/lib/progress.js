// Progress of a long benchmark run on stderr (the tables go to stdout): what it is doing now, with the
// time since the run began, so a 15-minute run never sits silent.
'use strict';
const { clearInterval, setInterval } = require('node:timers');

const began = Date.now();

function clock() {
  const s = Math.round((Date.now() - began) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Says what the run does next. */
function step(text) {
  process.stderr.write(`[${clock()}] ${text}\n`);
}

/** Calls `report` every `ms` until the returned function is called (for waits measured in minutes). */
function every(ms, report) {
  const timer = setInterval(() => step(report()), ms);
  timer.unref();
  return () => clearInterval(timer);
}

module.exports = { step, every };
