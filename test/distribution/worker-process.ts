import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../tools/servers/local-servers';

/** The built worker as a child process, for tests that kill it or run two. */
export const WORKER = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');

/** Waits for `done`, failing with `what` (and the worker's output) after `timeoutMs`. */
export async function until(
  done: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs: number,
  log: () => string,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Worker output:\n${log()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The built worker (`node dist/apps/worker/src/main.js`) with exactly this environment, once it says it started. */
export function startWorker(env: Record<string, string>, output: string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // Only PATH and the app's variables, as the start-up and image tests run the built apps.
    const child = spawn(process.execPath, [WORKER], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The worker did not start within 30 s:\n${output.join('')}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (/worker started/.test(output.join(''))) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The worker exited (${code ?? signal}) before it started:\n${output.join('')}`));
    });
  });
}

export function kill(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
