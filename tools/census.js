#!/usr/bin/env node
// `npm run census -- <roster.json>`: computes the census of the role from a file in the census exchange
// format (docs/research.md) and prints the result JSON, with libs/census' own code (the worker's too).
// The census date is the file's "as_of", else today (UTC). A malformed file exits 1 naming the tenure
// and the problem.
'use strict';
const { loadLib, runExchangeCommand } = require('./lib/exchange-cli');

const { computeCensus, parseCensusText, CensusFormatError } = loadLib('census');

process.exitCode = runExchangeCommand(process.argv.slice(2), {
  name: 'census',
  usage: '<roster.json>   (the census exchange format of docs/research.md)',
  compute: (text) => computeCensus(parseCensusText(text)),
  FormatError: CensusFormatError,
});
