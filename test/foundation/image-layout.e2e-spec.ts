import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { freePort, ROOT } from '../../tools/servers/local-servers';
import { testEnvironment } from '../support/create-test-app';
import { uniqueEmail } from '../support/factories';
import { csrfFrom } from '../support/forms';
import { mailTo } from '../support/mailbox';

/** One `COPY --from=<stage> <source>... <destination>` line of the Dockerfile's final stage. */
interface CopyLine {
  from: string | undefined;
  sources: string[];
  destination: string;
}

/**
 * The final stage of the Dockerfile as the image would be assembled: its WORKDIR, its COPY lines
 * and its CMD. Docker cannot run on these machines, so this is how the image is kept honest.
 */
function finalStage(dockerfile: string): { workdir: string; copies: CopyLine[]; cmd: string[]; buildWorkdir: string } {
  const lines = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages: string[][] = [];
  for (const line of lines) {
    if (/^FROM\s/i.test(line)) {
      stages.push([]);
    }
    stages[stages.length - 1]?.push(line);
  }
  const workdirOf = (stage: string[]) =>
    stage.filter((line) => /^WORKDIR\s/i.test(line)).map((line) => line.split(/\s+/)[1])[0] ?? '/';
  const last = stages[stages.length - 1];
  const copies = last
    .filter((line) => /^COPY\s/i.test(line))
    .map((line) => {
      const words = line.split(/\s+/).slice(1);
      const flags = words.filter((word) => word.startsWith('--'));
      const paths = words.filter((word) => !word.startsWith('--'));
      const from = flags.find((flag) => flag.startsWith('--from='))?.slice('--from='.length);
      return { from, sources: paths.slice(0, -1), destination: paths[paths.length - 1] };
    });
  const cmdLine = last.find((line) => /^CMD\s/i.test(line)) ?? '';
  const cmd = JSON.parse(cmdLine.replace(/^CMD\s+/i, '')) as string[];
  return { workdir: workdirOf(last), copies, cmd, buildWorkdir: workdirOf(stages[0]) };
}

/** Starts `node <entry>` in `cwd` and resolves once stdout says `ready`; rejects if it exits first. */
function startIn(cwd: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited with ${code} before it was ready:\n${output}`)),
    );
  });
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('The production image (the Dockerfile final stage, assembled in a temp folder)', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const stage = finalStage(dockerfile);
  let imageDir: string;
  let api: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let apiUrl: string;
  const databaseName = `rt_image_${Date.now().toString(36)}`;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js'))) {
      throw new Error('dist is missing: run `npm run build` first (npm test does).');
    }
    // The image's /app, far from the repository: nothing above it has nest-cli.json or libs/.
    imageDir = mkdtempSync(join(tmpdir(), 'roundtable-image-'));
    for (const copy of stage.copies) {
      // Only the build stage's output reaches the image; its WORKDIR holds the repository's files after
      // `npm run build`, which is what our working copy holds too.
      expect(copy.from).toBe('build');
      for (const source of copy.sources) {
        const relative = source.replace(new RegExp(`^${stage.buildWorkdir}/?`), '');
        const target = join(
          imageDir,
          copy.destination.replace(/^\.\/?/, ''),
          copy.destination.endsWith('/') ? relative : '',
        );
        if (relative === 'node_modules') {
          // Linked, not copied (hundreds of MB on a shared machine); the image's is pruned of dev packages.
          symlinkSync(join(ROOT, 'node_modules'), target, 'dir');
        } else {
          cpSync(join(ROOT, relative), target, { recursive: true });
        }
      }
    }
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    const env = {
      ...testEnvironment(databaseName),
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_BASE_URL: apiUrl,
      LOG_LEVEL: 'warn',
    };
    api = await startIn(imageDir, stage.cmd.slice(1), env, /API listening on/);
    worker = await startIn(imageDir, ['dist/apps/worker/src/main.js'], env, /worker started/);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([stop(api), stop(worker)]);
    if (imageDir) {
      rmSync(imageDir, { recursive: true, force: true });
    }
  });

  it('ships only the build output: no sources, no nest-cli.json', () => {
    expect(stage.cmd).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(existsSync(join(imageDir, 'nest-cli.json'))).toBe(false);
    expect(existsSync(join(imageDir, 'libs'))).toBe(false);
  });

  it('answers /health with the database up', async () => {
    const health = await request(apiUrl).get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('renders pages from several libs and serves the stylesheet', async () => {
    const home = await request(apiUrl).get('/').expect(200);
    expect(home.text).toContain('href="/assets/site.css"');
    const signIn = await request(apiUrl).get('/sign-in').expect(200);
    expect(signIn.text).toMatch(/<form[^>]+action="\/sign-in\/email"/);
    const css = await request(apiUrl).get('/assets/site.css').expect(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    const missing = await request(apiUrl).get('/no-such-page').set('Accept', 'text/html').expect(404);
    expect(missing.text).toContain('<html');
  });

  it('renders a mail template in the API and the worker delivers it', async () => {
    const email = uniqueEmail('image');
    const agent = request.agent(apiUrl);
    const form = await agent.get('/sign-in').expect(200);
    const sent = await agent
      .post('/sign-in/email')
      .type('form')
      .send({ _csrf: csrfFrom(form.text), email })
      .expect(303);
    expect(sent.headers.location).toBe('/sign-in/check-email');
    expect((await agent.get('/sign-in/check-email').expect(200)).text).toContain('Check your email');
    const deadline = Date.now() + 30_000;
    let received = await mailTo(email);
    while (received.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      received = await mailTo(email);
    }
    expect(received).toHaveLength(1);
    expect(received[0].text).toContain(`${apiUrl}/sign-in/email/`);
  }, 60_000);
});
