import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Issue 14's "done means", kept true by a test rather than by a reviewer's grep: the web layer's
 * rules read from the source itself, so a new handler that slips back to an untyped body, a
 * hand-written response or a repository in a controller fails here with its file named.
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

describe('The web kit rules (issue 14)', () => {
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
});
