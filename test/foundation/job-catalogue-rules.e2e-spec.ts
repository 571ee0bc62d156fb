import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { JOB_TYPES } from '@roundtable/jobs';

/**
 * The job catalogue's rules, read from the source: every job type a lib names has a payload type in
 * the catalogue (`libs/jobs/src/job-catalogue.ts`), and every catalogued type has a handler that some
 * module registers. The compiler already refuses an `enqueue` or `register` of an uncatalogued type;
 * this catches what it cannot: a type catalogued but handled nowhere, and a type named by a constant
 * that a cast smuggled past the compiler.
 */
const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return sourceFiles(path);
    }
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const files = sourceFiles(join(root, 'libs')).map((path) => ({
  path: relative(root, path),
  text: readFileSync(path, 'utf8'),
}));

/** `export const SOME_JOB = 'a.type'`: the constants that name job types, by name. */
function jobConstants(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files) {
    for (const match of file.text.matchAll(/export const (\w+_JOB)\s*=\s*'([^']+)'/g)) {
      found.set(match[1], match[2]);
    }
  }
  return found;
}

/** The types that a handler is registered for: `register(X, …)`, `define(X, …)`, by constant or literal. */
function handledTypes(constants: Map<string, string>): Set<string> {
  const handled = new Set<string>();
  for (const file of files) {
    for (const match of file.text.matchAll(/\.(?:register|define)\(\s*(?:(\w+_JOB)|'([^']+)')\s*,/g)) {
      const type = match[1] ? constants.get(match[1]) : match[2];
      if (type) {
        handled.add(type);
      }
    }
  }
  return handled;
}

describe('The job catalogue rules', () => {
  const constants = jobConstants();
  const catalogued = new Set<string>(JOB_TYPES);

  it('finds the job types it checks', () => {
    expect(constants.size).toBeGreaterThan(10);
    expect(catalogued.size).toBeGreaterThan(10);
  });

  it('gives every job type a lib names a payload type in the catalogue', () => {
    const uncatalogued = [...constants].filter(([, type]) => !catalogued.has(type)).map(([name]) => name);
    expect(uncatalogued).toEqual([]);
  });

  it('gives every catalogued job type a handler registered by some module', () => {
    const handled = handledTypes(constants);
    expect([...catalogued].filter((type) => !handled.has(type))).toEqual([]);
  });
});
