import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The web layer's rules (docs/architecture.md), kept true by a test rather than by a reviewer's grep:
 * read from the source itself, so a new handler that slips back to an untyped body, a hand-written
 * response, a repository in a controller or an import that closes a loop between libs fails here
 * with its file named.
 */
const root = join(__dirname, '..', '..');
const libs = join(root, 'libs');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return sourceFiles(path);
    }
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const files = sourceFiles(libs).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));
const controllers = files.filter((file) => file.text.includes('@Controller('));

/** The names of the methods whose parameter list takes `@Res()`. */
function handlersTakingRes(text: string): string[] {
  const found: string[] = [];
  const handler = /\n\s*(?:async\s+)?(\w+)\s*\(([^)]*(?:\([^)]*\)[^)]*)*)\)\s*(?::[^{]+)?\{/g;
  for (const match of text.matchAll(handler)) {
    if (match[2].includes('@Res()')) {
      found.push(match[1]);
    }
  }
  return found;
}

/** Each lib and the libs its non-spec sources import (`@roundtable/<lib>`). */
function libImports(sources: Array<{ path: string; text: string }>): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources) {
    const lib = /^libs\/([^/]+)\//.exec(file.path)?.[1];
    if (!lib) {
      continue;
    }
    const imported = graph.get(lib) ?? new Set<string>();
    for (const match of file.text.matchAll(/from '@roundtable\/([\w-]+)'/g)) {
      if (match[1] !== lib) {
        imported.add(match[1]);
      }
    }
    graph.set(lib, imported);
  }
  return graph;
}

/** Every import loop between libs, each as the path that closes it (`a -> b -> a`). */
function importLoops(graph: Map<string, Set<string>>): string[] {
  const loops: string[] = [];
  const done = new Set<string>();
  const visit = (lib: string, path: string[]): void => {
    if (path.includes(lib)) {
      loops.push([...path.slice(path.indexOf(lib)), lib].join(' -> '));
      return;
    }
    if (done.has(lib)) {
      return;
    }
    for (const next of graph.get(lib) ?? []) {
      visit(next, [...path, lib]);
    }
    done.add(lib);
  };
  for (const lib of [...graph.keys()].sort()) {
    visit(lib, []);
  }
  return loops;
}

describe('The web kit rules', () => {
  it('finds the libraries it checks', () => {
    expect(controllers.length).toBeGreaterThan(20);
  });

  it('gives every body and query a DTO: no handler takes Record<string, unknown>', () => {
    const untyped = controllers.flatMap((file) =>
      /@(Body|Query)\([^)]*\)\s*\w+\??\s*:\s*Record<string,\s*unknown>/.test(file.text) ? [file.path] : [],
    );
    expect(untyped).toEqual([]);
  });

  it("lets no handler write the response itself: downloads return a StreamableFile (core's fileDownload)", () => {
    const found = controllers.flatMap((file) => handlersTakingRes(file.text).map((name) => `${file.path}: ${name}`));
    expect(found).toEqual([]);
  });

  it('pipes no stream into a response by hand, where a failed stream would leave the reader waiting', () => {
    const piping = files.flatMap((file) => (/\.pipe\(\s*(?:res|response)\s*\)/.test(file.text) ? [file.path] : []));
    expect(piping).toEqual([]);
  });

  it('keeps repositories and models out of controllers', () => {
    const reaching = controllers.flatMap((file) =>
      /import[^;]*\b(\w*Repository|Model)\b[^;]*from|from '(mongoose|@nestjs\/mongoose)'/.test(file.text)
        ? [file.path]
        : [],
    );
    expect(reaching).toEqual([]);
  });

  it('lets only repositories (and the session store built beside them) inject a Model or Connection', () => {
    const injecting = files.flatMap((file) =>
      /@Inject(Model|Connection)\(/.test(file.text) && !/\.repository\.ts$/.test(file.path) ? [file.path] : [],
    );
    expect(injecting).toEqual([]);
  });

  it('defines schemas only in *.schema.ts files', () => {
    const outside = files.flatMap((file) =>
      /SchemaFactory\.createForClass|new Schema\(/.test(file.text) && !file.path.endsWith('.schema.ts')
        ? [file.path]
        : [],
    );
    expect(outside).toEqual([]);
  });

  it('names page services one way: a class *Pages lives in a *-pages.service.ts file', () => {
    const misnamed = files.flatMap((file) =>
      /export class \w+Pages\b/.test(file.text) && !file.path.endsWith('-pages.service.ts') ? [file.path] : [],
    );
    expect(misnamed).toEqual([]);
  });

  it('takes an optional provider through @Optional() @Inject(TOKEN), never by a lookup in a try/catch', () => {
    // form-page.ts looks up the page-model service a @FormPage names: a class known when the route is
    // declared, not an optional provider.
    const lookingUp = files.flatMap((file) =>
      /moduleRef\.get\(/.test(file.text) && file.path !== 'libs/core/src/forms/form-page.ts' ? [file.path] : [],
    );
    expect(lookingUp).toEqual([]);
  });

  it('keeps the libs in layers: no import loop between them', () => {
    const graph = libImports(files);
    expect(graph.size).toBeGreaterThan(10);
    expect(importLoops(graph)).toEqual([]);
  });

  it('catches an import loop, however long, and not a shared dependency', () => {
    const planted = (paths: Record<string, string>) =>
      libImports(Object.entries(paths).map(([path, text]) => ({ path, text })));
    expect(
      importLoops(
        planted({
          'libs/a/src/x.ts': "import { B } from '@roundtable/b';",
          'libs/b/src/y.ts': "import { C } from '@roundtable/c';\nimport { A } from '@roundtable/core';",
          'libs/c/src/z.ts': "import { A } from '@roundtable/a';",
        }),
      ),
    ).toEqual(['a -> b -> c -> a']);
    expect(
      importLoops(
        planted({
          'libs/a/src/x.ts': "import { B } from '@roundtable/b';\nimport { C } from '@roundtable/core';",
          'libs/b/src/y.ts': "import { C } from '@roundtable/core';",
        }),
      ),
    ).toEqual([]);
  });

  it('parses object ids in repositories: no Types.ObjectId or isValidObjectId in a service, a page or a job', () => {
    // core's parse helpers (parseObjectId, newObjectId, objectIdKeyset) are where repositories get them.
    const allowed = new Set(['libs/core/src/database/object-id.ts']);
    const outside = objectIdUsers(files).filter((path) => !allowed.has(path));
    expect(outside).toEqual([]);
  });

  it('would find an object id parsed in a service', () => {
    const planted = [
      { path: 'libs/x/src/x.service.ts', text: 'const toObjectId = (id: string) => new Types.ObjectId(id);' },
      { path: 'libs/x/src/x-pages.service.ts', text: 'if (!isValidObjectId(id)) {' },
      { path: 'libs/x/src/x.repository.ts', text: 'return new Types.ObjectId(id);' },
      { path: 'libs/x/src/x.schema.ts', text: '@Prop({ type: Types.ObjectId })' },
    ];
    expect(objectIdUsers(planted)).toEqual(['libs/x/src/x.service.ts', 'libs/x/src/x-pages.service.ts']);
  });
});

/** Files outside repositories and schemas that make or check ObjectIds themselves. */
function objectIdUsers(sources: Array<{ path: string; text: string }>): string[] {
  return sources.flatMap((file) =>
    /\bTypes\.ObjectId\b|\bisValidObjectId\(/.test(file.text) && !/\.(repository|schema)\.ts$/.test(file.path)
      ? [file.path]
      : [],
  );
}
