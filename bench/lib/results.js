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

module.exports = { RESULTS, machine, write, table };
