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

/** The one CSV writer and the one HTML escaper (and the local stand-in servers' copy of the escaper). */
const ONE_HELPER = new Set([
  'libs/core/src/format/csv.ts',
  'libs/core/src/views/escape-html.ts',
  'tools/servers/escape-html.js',
]);

/**
 * What writing CSV or escaping HTML by hand looks like in code (comments aside): an HTML entity as a
 * string; or cells joined with commas beside a quote doubled or a formula defused with an apostrophe.
 * (Quoting an SQL identifier doubles quotes too, and refusing formula-like input is validation: neither
 * joins cells, so neither is caught.)
 */
function handWritten(code: string): string[] {
  const found: string[] = [];
  if (/(['"`])&(?:amp|lt|gt|quot|apos|#39|#x27|#34|#92);\1/.test(code)) {
    found.push('an HTML entity written out');
  }
  if (/join\((['"`]),\1\)/.test(code) && (/(['"`])""\1/.test(code) || /`'\$\{/.test(code))) {
    found.push('CSV cells quoted by hand');
  }
  return found;
}

/** Each file outside the one helper that writes CSV or escapes HTML itself, with what gave it away. */
export function handWrittenEncoders(files: Array<{ path: string; text: string }>): string[] {
  return files
    .filter((file) => !ONE_HELPER.has(file.path) && !/\.spec\.ts$|\.e2e-spec\.ts$/.test(file.path))
    .flatMap((file) => handWritten(file.text.replace(COMMENT, '')).map((what) => `${file.path}: ${what}`));
}

/**
 * Where a date may become text: the one helper (libs/core/src/format/dates.ts: words for people, ISO
 * 8601 for programs) and the census' calendar arithmetic (libs/census/src/dates.ts), whose `YYYY-MM-DD`
 * days are the exchange format's data and which stands alone, without Nest, so the census CLI runs it.
 */
const DATE_HELPERS = new Set(['libs/core/src/format/dates.ts', 'libs/census/src/dates.ts']);

/** A date turned into text by hand: a Date's own formatting methods, or an Intl date formatter. */
const DATE_FORMATTED =
  /\.(?:toLocaleDateString|toLocaleString|toLocaleTimeString|toDateString|toTimeString|toUTCString|toGMTString|toISOString)\(|Intl\.DateTimeFormat/g;

/** Each file of the apps and libs (tests aside) that formats a date outside the helper, with how. */
export function datesFormattedOutsideHelper(files: Array<{ path: string; text: string }>): string[] {
  return files
    .filter(
      (file) =>
        /^(apps|libs)\//.test(file.path) &&
        !DATE_HELPERS.has(file.path) &&
        !/\.spec\.ts$|\.e2e-spec\.ts$/.test(file.path),
    )
    .flatMap((file) =>
      [...new Set(file.text.replace(COMMENT, '').match(DATE_FORMATTED) ?? [])].map(
        (how) => `${file.path}: ${how.replace(/^\.|\($/g, '')}`,
      ),
    );
}

/** A template comparing a role to staff or admin, either way round (`role == 'staff'`, `'admin' != member.role`). */
const ROLE_COMPARED =
  /\brole\s*(?:===?|!==?)\s*['"](?:staff|admin)['"]|['"](?:staff|admin)['"]\s*(?:===?|!==?)\s*[\w.]*\brole\b/;

/**
 * Templates that ask whether someone is staff (or admin) by comparing the role: they get `isStaff`
 * and `isAdmin` from the page model instead, answered by libs/auth/src/access.ts.
 */
export function templatesComparingRoles(files: Array<{ path: string; text: string }>): string[] {
  return files
    .filter((file) => file.path.endsWith('.njk'))
    .flatMap((file) => {
      const found = ROLE_COMPARED.exec(file.text.replace(COMMENT, ''));
      return found ? [`${file.path}: ${found[0]}`] : [];
    });
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

describe('The source rules', () => {
  it('asks for one Node everywhere: engines, .nvmrc, the Dockerfile and what setup fetches', () => {
    const majors = nodeMajors();
    expect(new Set(Object.values(majors))).toEqual(new Set([24]));
    expect(read('.ci/run')).toContain('source tools/node.sh');
  });

  it('writes CSV and escapes HTML only through the one helper in libs/core', () => {
    const code = sources.filter((file) => /^(apps|libs|tools|bench)\//.test(file.path));
    expect(handWrittenEncoders(code)).toEqual([]);
  });

  it('catches a hand-written CSV encoder and HTML escaper, and not an SQL identifier quoted', () => {
    const csv = {
      path: 'libs/x/src/export.ts',
      text: 'const line = (cells: string[]) => cells.map((v) => `"${v.replace(/"/g, \'""\')}"`).join(\',\');',
    };
    const guard = {
      path: 'libs/x/src/guard.ts',
      text: "const line = (cells: string[]) => cells.map((v) => `'${v}`).join(',');",
    };
    const html = { path: 'tools/servers/page.js', text: "const map = { '<': '&lt;' };" };
    const sql = {
      path: 'libs/x/src/sql.ts',
      text: 'const quoted = (name: string) => `"${name.replace(/"/g, \'""\')}"`;',
    };
    expect(handWrittenEncoders([csv, guard, html, sql])).toEqual([
      'libs/x/src/export.ts: CSV cells quoted by hand',
      'libs/x/src/guard.ts: CSV cells quoted by hand',
      'tools/servers/page.js: an HTML entity written out',
    ]);
  });

  it('turns dates into text only through the one helper in libs/core (words for people, ISO for programs)', () => {
    expect(datesFormattedOutsideHelper(sources)).toEqual([]);
  });

  it('catches a date formatted by hand in code or a template, and not one in a comment or a test', () => {
    const planted = [
      {
        path: 'libs/x/src/mail.ts',
        text: "const closes = date.toLocaleDateString('en-GB', { month: 'long' });",
      },
      { path: 'libs/x/src/views/list.njk', text: '<td>{{ e.receivedAt.toISOString() | truncate(16) }}</td>' },
      {
        path: 'apps/web/src/label.ts',
        text: "const f = new Intl.DateTimeFormat('en-GB'); // not date.toUTCString()",
      },
      { path: 'libs/x/src/x.spec.ts', text: 'const at = new Date().toISOString();' },
      { path: 'libs/core/src/format/dates.ts', text: 'const x = new Date().toISOString();' },
    ];
    expect(datesFormattedOutsideHelper(planted)).toEqual([
      'libs/x/src/mail.ts: toLocaleDateString',
      'libs/x/src/views/list.njk: toISOString',
      'apps/web/src/label.ts: Intl.DateTimeFormat',
    ]);
  });

  it('asks who is staff in code only through isStaff() (libs/auth/src/access.ts)', () => {
    const asked = sources.filter(
      (file) =>
        /^libs\/.*\.ts$/.test(file.path) &&
        !file.path.endsWith('.spec.ts') &&
        file.path !== 'libs/auth/src/access.ts' &&
        /role\s*(?:===?|!==?)\s*['"](?:staff|admin)['"]/.test(file.text.replace(COMMENT, '')),
    );
    expect(asked.map((file) => file.path)).toEqual([]);
  });

  it('asks who is staff in templates only through isStaff and isAdmin from the page model', () => {
    expect(templatesComparingRoles(sources)).toEqual([]);
  });

  it("catches a template comparing a role to staff or admin, and not a role compared to 'member'", () => {
    const planted = [
      { path: 'libs/x/src/views/a.njk', text: "{% if member and member.role == 'admin' %}x{% endif %}" },
      { path: 'libs/x/src/views/b.njk', text: "{% elif 'staff' == role %}" },
      // A Nunjucks comment, put together so this file's own comments do not run into it.
      { path: 'libs/x/src/views/c.njk', text: `{% if role == 'member' %}{${"# role == 'staff' #"}}{% endif %}` },
      { path: 'libs/x/src/x.ts', text: "const shown = role == 'staff';" },
    ];
    expect(templatesComparingRoles(planted)).toEqual([
      "libs/x/src/views/a.njk: role == 'admin'",
      "libs/x/src/views/b.njk: 'staff' == role",
    ]);
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
