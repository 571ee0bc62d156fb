#!/usr/bin/env node
// `npm run census -- <roster.json>`: computes the census of the role from a file in the census exchange
// format (docs/research.md) and prints the result JSON. It runs libs/census' own TypeScript (transpiled
// on load, no build needed), the same code the worker uses for snapshots. The census date is the file's
// "as_of", else today (UTC). A malformed file exits 1 naming the tenure and the problem.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

const { computeCensus, parseCensusText, CensusFormatError } = require(path.join(root, 'libs/census/src/index.ts'));

function main(args) {
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    process.stderr.write('usage: npm run census -- <roster.json>   (the census exchange format of docs/research.md)\n');
    return 2;
  }
  let text;
  try {
    text = fs.readFileSync(args[0], 'utf8');
  } catch (error) {
    process.stderr.write(
      `census: cannot read ${args[0]}: ${error.code === 'ENOENT' ? 'no such file' : error.message}\n`,
    );
    return 1;
  }
  try {
    const result = computeCensus(parseCensusText(text));
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CensusFormatError) {
      process.stderr.write(`census: ${args[0]}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
