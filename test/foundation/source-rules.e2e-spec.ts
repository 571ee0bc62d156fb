import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/**
 * Rules read from the source itself, beside web-kit-rules.e2e-spec.ts: each fails with the file (and
 * the offending text) named, so the one way of doing a thing stays the only way.
 */
const root = join(__dirname, '..', '..');

/** Folders that are built, downloaded or local state, never part of the repository's text. */
const NOT_SOURCE = new Set(['node_modules', 'dist', '.tools', '.data', '.git', 'test-artifacts', 'coverage']);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (NOT_SOURCE.has(entry.name)) {
      return [];
    }
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [relative(root, path)];
  });
}

const repositoryFiles = walk(root);
const repositoryPaths = new Set(repositoryFiles);
const repositoryNames = new Set(repositoryFiles.map((path) => basename(path)));

const sources = repositoryFiles
  .filter((path) => /^(apps|libs|test|tools|bench)\//.test(path) && /\.(ts|js|mjs|njk|go|sh)$/.test(path))
  .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));

/** Line and block comments of JS/TS/Go, Nunjucks comments, and shell comments. */
const COMMENT = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|\{#[\s\S]*?#\}|^\s*#[^\n]*/gm;

/** A file name or path with one of the extensions the project's files have. */
const FILE_REFERENCE =
  /(?<![\w@./<>-])((?:[\w.-]+\/)*[\w][\w.-]*\.(?:md|ts|js|mjs|json|njk|go|sh|css|yml|yaml|txt|mod))(?![\w/])/g;

/** Names that are not the repository's files, with why a comment may name them. */
const NAMED_ELSEWHERE = new Set([
  'robots.txt', // the address a crawler asks for, served by the blog
  'build/version/version.txt', // inside FerretDB's Go module, which is why tools/ferretdb exists
]);

/** Folders that hold what the build or a run writes (git-ignored): a comment may name a file in them. */
const GENERATED = /^(dist|\.data|\.tools|test-artifacts)\//;

function existsInRepository(reference: string, from: string): boolean {
  if (NAMED_ELSEWHERE.has(reference) || GENERATED.test(reference)) {
    return true;
  }
  if (!reference.includes('/')) {
    return repositoryNames.has(reference);
  }
  return (
    repositoryPaths.has(reference) ||
    repositoryPaths.has(join(dirname(from), reference)) ||
    repositoryFiles.some((path) => path.endsWith(`/${reference}`))
  );
}

/** Every file a source comment names that the repository does not hold, as `path: name`. */
export function missingFilesNamedInComments(files: Array<{ path: string; text: string }>): string[] {
  return files.flatMap((file) =>
    (file.text.match(COMMENT) ?? []).flatMap((comment) =>
      [...comment.matchAll(FILE_REFERENCE)]
        .map((match) => match[1])
        .filter((reference) => !existsInRepository(reference, file.path))
        .map((reference) => `${file.path}: ${reference}`),
    ),
  );
}

const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The Node major each place that names one asks for. */
function nodeMajors(): Record<string, number> {
  const major = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1]);
  const packageJson = JSON.parse(read('package.json')) as { engines: { node: string } };
  return {
    'package.json engines': major(packageJson.engines.node, /(\d+)/),
    '.nvmrc': major(read('.nvmrc'), /^v?(\d+)/),
    Dockerfile: major(read('Dockerfile'), /FROM node:(\d+)/),
    'tools/node.sh': major(read('tools/node.sh'), /ROUNDTABLE_NODE_VERSION="(\d+)\./),
    'tools/node.sh minimum': major(read('tools/node.sh'), /ROUNDTABLE_NODE_MINIMUM="(\d+)\./),
  };
}

describe('The source rules (issue 27)', () => {
  it('asks for one Node everywhere: engines, .nvmrc, the Dockerfile and what setup fetches', () => {
    const majors = nodeMajors();
    expect(new Set(Object.values(majors))).toEqual(new Set([24]));
    expect(read('.ci/run')).toContain('source tools/node.sh');
  });

  it('reads the source it checks', () => {
    expect(sources.length).toBeGreaterThan(300);
    expect(repositoryPaths.has('docs/storage.md')).toBe(true);
  });

  it('names in comments only files the repository holds', () => {
    expect(missingFilesNamedInComments(sources)).toEqual([]);
  });

  it('catches a comment citing a file kept outside the repository', () => {
    const outside = ['DESIGN', 'md'].join('.');
    const cited = {
      path: 'libs/core/src/example.ts',
      text: `/** Lists page by range (${outside}). */\n// docs/storage.md`,
    };
    expect(missingFilesNamedInComments([cited])).toEqual([`libs/core/src/example.ts: ${outside}`]);
  });
});
