// What `npm run rank` and `npm run census` share: each reads one file in an exchange format
// (docs/research.md), parses and computes it with a lib's own TypeScript (transpiled on load, no build
// needed, the same code the worker runs), prints the result JSON, and exits 1 naming the problem
// when the file cannot be read or is malformed (2 for a wrong call).
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
let loaderInstalled = false;

function installTypeScriptLoader() {
  if (loaderInstalled) return;
  loaderInstalled = true;
  const ts = require('typescript');
  require.extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: filename,
    });
    module._compile(outputText, filename);
  };
  // The pure libs import each other as @roundtable/<lib>, which tsconfig's paths map to libs/<lib>/src.
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    const lib = /^@roundtable\/([a-z][a-z-]*)$/.exec(request);
    return resolve.call(this, lib ? path.join(root, 'libs', lib[1], 'src', 'index.ts') : request, ...rest);
  };
}

/** The public surface of a pure lib (libs/<name>/src/index.ts), loaded from its source. */
function loadLib(name) {
  installTypeScriptLoader();
  return require(path.join(root, 'libs', name, 'src', 'index.ts'));
}

/**
 * Runs one command and returns its exit code. `compute` turns the file's text into the result and
 * throws `FormatError` for a malformed file; any other error is a bug and is left to crash loudly.
 */
function runExchangeCommand(args, { name, usage, compute, FormatError }) {
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    process.stderr.write(`usage: npm run ${name} -- ${usage}\n`);
    return 2;
  }
  const [file] = args;
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`${name}: cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}\n`);
    return 1;
  }
  try {
    process.stdout.write(`${JSON.stringify(compute(text), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof FormatError) {
      process.stderr.write(`${name}: ${file}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

module.exports = { loadLib, runExchangeCommand };
