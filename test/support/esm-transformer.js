// Jest transformer: ts-jest for our TypeScript, plus ES-module-only packages in node_modules
// (NestJS 12, marked) compiled to CommonJS. Jest's runtime on Node 20 cannot require() ES modules,
// and TypeScript will not compile `import.meta` to CommonJS, so that expression is rewritten to its
// CommonJS equivalent first.
'use strict';
const { TsJestTransformer } = require('ts-jest');

const IMPORT_META_RESOLVE = /\bimport\.meta\.resolve\(/g;
const IMPORT_META_DIRNAME = /\bimport\.meta\.dirname\b/g;
const IMPORT_META_FILENAME = /\bimport\.meta\.filename\b/g;
const IMPORT_META_URL = /\bimport\.meta\.url\b/g;
// `const require = createRequire(import.meta.url)` is redundant in CommonJS and a redeclaration there.
const OWN_REQUIRE = /^\s*const require = createRequire\(import\.meta\.url\);?\s*$/gm;
const FILE_URL = "('file://' + encodeURI(__filename))"; // no require(): some modules declare their own

class EsmAwareTransformer extends TsJestTransformer {
  process(source, path, options) {
    return super.process(this.rewrite(source, path), path, options);
  }

  processAsync(source, path, options) {
    return super.processAsync(this.rewrite(source, path), path, options);
  }

  getCacheKey(source, path, options) {
    return super.getCacheKey(this.rewrite(source, path), path, options);
  }

  rewrite(source, path) {
    if (!path.includes('/node_modules/')) {
      return source;
    }
    return source
      .replace(OWN_REQUIRE, '')
      .replace(IMPORT_META_RESOLVE, 'require.resolve(')
      .replace(IMPORT_META_DIRNAME, '__dirname')
      .replace(IMPORT_META_FILENAME, '__filename')
      .replace(IMPORT_META_URL, FILE_URL);
  }
}

module.exports = {
  createTransformer: (config) => new EsmAwareTransformer(config),
};
