#!/usr/bin/env node
// `npm run rank -- <file.json>`: computes a ranking from a file in the exchange format (docs/research.md)
// and prints the result JSON. It runs libs/rankings' own TypeScript (transpiled on load, no build
// needed), the same code the worker uses for snapshots. A malformed file exits 1 with the problem.
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

const { computeRanking, parseExchangeText, ExchangeFormatError } = require(
  path.join(root, 'libs/rankings/src/index.ts'),
);

function main(args) {
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    process.stderr.write('usage: npm run rank -- <responses.json>   (the exchange format of docs/research.md)\n');
    return 2;
  }
  let text;
  try {
    text = fs.readFileSync(args[0], 'utf8');
  } catch (error) {
    process.stderr.write(`rank: cannot read ${args[0]}: ${error.code === 'ENOENT' ? 'no such file' : error.message}\n`);
    return 1;
  }
  try {
    const result = computeRanking(parseExchangeText(text));
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ExchangeFormatError) {
      process.stderr.write(`rank: ${args[0]}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
