// Where results go (bench/results/<name>.json; quick runs under bench/results/quick/, git-ignored) and
// how they print: one table on stdout per benchmark.
'use strict';
const { mkdirSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const RESULTS = path.join(__dirname, '..', 'results');

/** The machine a result was measured on, including how busy it was when the run started. */
function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
  };
}

function write(name, result, { quick }) {
  const dir = quick ? path.join(RESULTS, 'quick') : RESULTS;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return path.relative(process.cwd(), file);
}

/** A plain text table: `columns` are [header, (row) => cell]. */
function table(rows, columns) {
  const cells = [columns.map(([header]) => header), ...rows.map((row) => columns.map(([, cell]) => String(cell(row))))];
  const widths = columns.map((_, c) => Math.max(...cells.map((line) => line[c].length)));
  return cells
    .map((line, r) => {
      const text = line.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
      return r === 0 ? `${text}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : text;
    })
    .join('\n');
}

/**
 * What the machine's state says about the figures: on a busy machine (a 1-minute load above its cores)
 * the absolute figures are noisy and the ratios to the same-run baseline are the steadier number.
 * `run.js` writes it into each result and `report.js` writes it again from the recorded load.
 */
function machineNote({ cpus, loadAverageAtStart }) {
  const load = loadAverageAtStart ?? [];
  return load[0] > cpus
    ? `Measured on ${cpus} cores while other work ran (load average ${load.join(', ')} at start): figures are noisy; ratios to the same-run baseline are the steadier number.`
    : `Measured on ${cpus} cores with no other work running (load average ${load.join(', ')} at start).`;
}

module.exports = { RESULTS, machine, machineNote, write, table };
