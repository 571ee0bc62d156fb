import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The test builders' rule, kept by a test rather than by a reviewer's grep: tests make their data
 * through the builders in test/support (which write through the app's repositories or models), so a
 * schema change is one edit there. A raw driver write in a suite fails here with its file and line.
 * Reads (find, countDocuments, indexes) stay free: they check what the app stored.
 */
const root = join(__dirname, '..', '..');
const tests = join(root, 'test');
const support = join(tests, 'support');

/** What a write on a collection is called in the MongoDB driver. */
const WRITE = String.raw`(?:insert\w*|update\w*|replace\w*|bulkWrite|findOneAndUpdate|findOneAndReplace)`;
/** `collection('x')` or `collection<T>(NAME)`, as the connection, its `db` and a model's `db` spell it. */
const COLLECTION = String.raw`\bcollection\s*(?:<[^>()]*>)?\s*\([^)]*\)`;

/** The line (1-based) of a character offset. */
function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/**
 * The lines of `text` that write a collection directly: a write chained on `collection(...)` (or on a
 * model's `.collection`), or on a variable that was given `collection(...)`.
 */
function rawCollectionWrites(text: string): number[] {
  const lines: number[] = [];
  const chained = new RegExp(String.raw`(?:${COLLECTION}|\.collection)\s*\.\s*${WRITE}\s*\(`, 'g');
  for (const match of text.matchAll(chained)) {
    lines.push(lineOf(text, match.index));
  }
  const held = new RegExp(String.raw`(?:const|let|var)\s+(\w+)\s*(?::[^=;]+)?=[^;]*?${COLLECTION}\s*;`, 'g');
  for (const [, name] of text.matchAll(held)) {
    const used = new RegExp(String.raw`\b${name}\s*\.\s*${WRITE}\s*\(`, 'g');
    for (const match of text.matchAll(used)) {
      lines.push(lineOf(text, match.index));
    }
  }
  return [...new Set(lines)].sort((a, b) => a - b);
}

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return path === support ? [] : testFiles(path);
    }
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('Test data rules', () => {
  it('finds the suites it checks', () => {
    expect(testFiles(tests).length).toBeGreaterThan(100);
  });

  it('lets no file under test/ outside test/support write a collection directly', () => {
    // This file is left out: it holds the planted examples below.
    const files = testFiles(tests).filter((path) => path !== __filename);
    const writes = files.flatMap((path) =>
      rawCollectionWrites(readFileSync(path, 'utf8')).map(
        (line) => `${relative(root, path).split(sep).join('/')}:${line}`,
      ),
    );
    expect(writes).toEqual([]);
  });

  it('catches a planted write, chained or through a variable, and not a read', () => {
    const planted = [
      "await t.connection.collection('posts').insertOne({ title: 'x' });",
      'await t.connection',
      "  .collection('comments')",
      "  .updateMany({ body: 'x' }, { $set: { createdAt: new Date() } });",
      'await t.connection.db!.collection<Row>(NAME).bulkWrite([]);',
      "const jobs = t.connection.collection('jobs');",
      'await jobs.findOneAndUpdate({}, { $set: { runAt: new Date(0) } });',
      'await jobs.replaceOne({}, {});',
      "await t.connection.model('Post').collection.insertMany([]);",
      "const found = await t.connection.collection('posts').find({}).toArray();",
      "expect(await t.connection.collection('posts').countDocuments({})).toBe(1);",
      'expect(await jobs.countDocuments({})).toBe(0);',
      "const events = t.connection.collection('billing_events');",
      'expect(await events.findOne({})).toBeNull();',
    ].join('\n');
    expect(rawCollectionWrites(planted)).toEqual([1, 3, 5, 7, 8, 9]);
  });
});
