import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ReportingWorkerModule } from '@roundtable/reporting';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';
import { reportFor } from '../reporting/report-fixtures';

/**
 * Schemathesis over the OpenAPI document, against the real app on a free port: no 5xx, and every
 * answer's status, content type and body as documented, for a signed-out caller and for staff (who
 * reach every documented operation). Opt-in, as it needs Python: set SCHEMATHESIS to the
 * `schemathesis` command, e.g.
 *   python3 -m venv /tmp/st && /tmp/st/bin/pip install schemathesis
 *   SCHEMATHESIS=/tmp/st/bin/schemathesis npx jest --runInBand --selectProjects e2e -- test/foundation/openapi-schemathesis
 * SCHEMATHESIS_ARGS adds arguments (e.g. `--max-examples 200`).
 */
const SCHEMATHESIS = process.env.SCHEMATHESIS;
const EXTRA = (process.env.SCHEMATHESIS_ARGS ?? '').split(/\s+/).filter(Boolean);

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

jest.setTimeout(15 * 60_000);

/** Runs schemathesis to its end without blocking this process, which serves the app it calls. */
function schemathesis(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(SCHEMATHESIS!, args, {
      cwd: tmpdir(),
      env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

(SCHEMATHESIS ? describe : describe.skip)('Schemathesis over the OpenAPI document', () => {
  let t: TestApp;
  let base: string;
  let staffHeaders: string[];
  let reportId: string;

  beforeAll(async () => {
    t = await createTestApp({ imports: [ReportingWorkerModule] });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const staff = await signInAs(t, { role: 'staff' });
    // A published report, so the report tables answer with their figures, not only 404s.
    reportId = await reportFor(t, staff, 'Accountabilities 2026');
    staffHeaders = ['-H', `Cookie: ${staff.cookie}`, '-H', `x-csrf-token: ${staff.csrfToken}`];
  });
  afterAll(() => t.close());

  /** Runs it and keeps its report in test-artifacts/schemathesis-<name>.txt (read it after a run). */
  const run = async (name: string, headers: string[], config: string[] = []) => {
    const outcome = await schemathesis([
      ...config,
      'run',
      `${base}/api/docs/openapi.json`,
      '--url',
      base,
      '--checks',
      'all',
      '--workers',
      '1',
      ...headers,
      ...EXTRA,
    ]);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `schemathesis-${name}.txt`), outcome.output);
    return outcome;
  };

  it('finds no server error and no answer unlike the document, signed out', async () => {
    const { code, output } = await run('signed-out', []);
    // Its report (what failed, and a curl command to repeat each) is the failure message.
    expect(code === 0 ? '' : output).toBe('');
  });

  it('finds no server error and no answer unlike the document, as staff (with a published report)', async () => {
    // The report tables' survey id is the published report's (other ids are 404s, tried signed out).
    const config = join(mkdtempSync(join(tmpdir(), 'schemathesis-')), 'schemathesis.toml');
    writeFileSync(config, `[parameters]\n"path.surveyId" = "${reportId}"\n`);
    const { code, output } = await run('staff', staffHeaders, ['--config-file', config]);
    expect(code === 0 ? '' : output).toBe('');
  });
});
