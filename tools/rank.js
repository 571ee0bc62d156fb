#!/usr/bin/env node
// `npm run rank -- <file.json>`: computes a ranking from a file in the exchange format (docs/research.md)
// and prints the result JSON, with libs/rankings' own code. A malformed file exits 1 with the problem.
'use strict';
const { loadLib, runExchangeCommand } = require('./lib/exchange-cli');

const { computeRanking, parseExchangeText, ExchangeFormatError } = loadLib('rankings');

process.exitCode = runExchangeCommand(process.argv.slice(2), {
  name: 'rank',
  usage: '<responses.json>   (the exchange format of docs/research.md)',
  compute: (text) => computeRanking(parseExchangeText(text)),
  FormatError: ExchangeFormatError,
});
