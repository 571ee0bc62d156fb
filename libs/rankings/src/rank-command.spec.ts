import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { computeRanking } from './compute';
import { parseExchange } from './exchange';

const run = promisify(execFile);
const root = resolve(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'rank-'));
// Each run starts Node and loads TypeScript to transpile the lib: seconds on a loaded machine.
jest.setTimeout(120_000);

async function rank(doc: unknown): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  try {
    const { stdout, stderr } = await run('node', [join(root, 'tools/rank.js'), file], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run rank', () => {
  it('prints the same result as computeRanking', async () => {
    const doc = {
      items: ['a', 'b', 'c'],
      responses: [
        { id: 'r1', held: ['b', 'a'], profile: { revenue: '>$1B' } },
        { held: ['c'], profile: { revenue: '<$100M' } },
      ],
      invited: [{ profile: { revenue: '>$1B' } }, { profile: { revenue: '<$100M' } }, {}],
      options: { resamples: 50 },
    };
    const out = await rank(doc);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(JSON.parse(JSON.stringify(computeRanking(parseExchange(doc)))));
  });

  it('exits non-zero naming the response and the problem for a malformed file', async () => {
    const [unknown, twice, types, empty, syntax] = await Promise.all([
      rank({ items: ['a'], responses: [{ id: 'r7', held: ['z'] }] }),
      rank({ items: ['a', 'b'], responses: [{ held: [] }, { held: ['b', 'b'] }] }),
      rank({ items: ['a'], responses: [{ held: 'a' }] }),
      rank({ items: [], responses: [] }),
      rank('{"items": '),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/responses\[0\] \(id "r7"\): "held" lists "z", which is not one of the items\n$/);
    expect(twice.stderr).toMatch(/responses\[1\]: "held" lists "b" twice/);
    expect(types.stderr).toMatch(/responses\[0\]: "held" must be an array of item names/);
    expect([empty.code, empty.stderr]).toEqual([1, expect.stringMatching(/"items" is empty/)]);
    expect([syntax.code, syntax.stderr]).toEqual([1, expect.stringMatching(/not valid JSON/)]);
  });
});
