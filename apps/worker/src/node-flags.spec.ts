import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const { WORKER_NODE_FLAGS } = createRequire(__filename)(path.join(ROOT, 'tools/lib/worker-node-flags.js')) as {
  WORKER_NODE_FLAGS: string[];
};
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** The largest the young generation grows while a loop allocates short-lived objects, in MB. */
function youngGenerationPeakMB(flags: string[]): number {
  const script = `
    const v8 = require('node:v8');
    let kept = [];
    let peak = 0;
    for (let i = 0; i < 2e6; i++) {
      kept.push({ i, text: 'x' + i });
      if (kept.length > 200000) kept = [];
      if (i % 50000 === 0) {
        const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
        peak = Math.max(peak, young.space_size);
      }
    }
    process.stdout.write(String(peak / 1048576));`;
  return Number(execFileSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' }));
}

/**
 * The largest heap used, in MB, while a loop keeps ~40 MB live and churns objects that live long enough
 * to be promoted (as emails in flight do), counted in iterations so the figure does not depend on speed.
 */
function oldGenerationPeakMB(flags: string[]): number {
  const script = `
    const live = Array.from({ length: 200000 }, (_, i) => ({ i, s: 'live' + i, a: [i, i + 1] }));
    let window = [];
    let peak = 0;
    for (let n = 0; n < 1.2e6; n++) {
      window.push({ n, body: 'x'.repeat(200) + n, parts: [{ a: n }, { b: n }] });
      if (window.length > 40000) window = window.slice(20000);
      if (n % 2000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    process.stdout.write(String(live.length > 0 ? peak / 1048576 : 0));`;
  return Number(execFileSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' }));
}

describe('the worker’s V8 flags', () => {
  it('are given by every launcher of the worker', () => {
    expect(WORKER_NODE_FLAGS).toContain('--max-semi-space-size=16');
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['start:worker']).toBe(`node ${WORKER_NODE_FLAGS.join(' ')} dist/apps/worker/src/main.js`);
    const compose = read('docker-compose.yml');
    const quoted = WORKER_NODE_FLAGS.map((flag) => `'${flag}'`).join(', ');
    expect(compose).toContain(`command: ['node', ${quoted}, 'dist/apps/worker/src/main.js']`);
    for (const launcher of ['tools/dev/start.js', 'bench/lib/environment.js']) {
      expect(read(launcher)).toMatch(/\[\.\.\.flags, /);
      expect(read(launcher)).toMatch(/lib\/worker-node-flags'\)/);
    }
  });

  it('hold the young generation to two 16 MB semi-spaces while allocation runs fast', () => {
    expect(youngGenerationPeakMB(WORKER_NODE_FLAGS)).toBeLessThanOrEqual(32);
  });

  it('hold the old generation near 1.5× its live set from the start, where V8 alone lets it reach 3–4×', () => {
    // ~40 MB live and a 10–20 MB window of promoted garbage: ~60 MB live at most. Measured on Node 24
    // (2 cores): 127–185 MB with the worker's flags, 263–347 MB without --heap-growing-percent; the
    // limit sits between the two, with room for a loaded machine on either side.
    expect(oldGenerationPeakMB(WORKER_NODE_FLAGS)).toBeLessThan(230);
  });
});
