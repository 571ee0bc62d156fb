import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startFerretDb, RunningDatabase } from '../../tools/servers/local-servers';
import { createTestApp, TestApp } from '../support/create-test-app';

/** Polls `/health` until it answers with `status` (the driver notices a server change within seconds). */
async function waitForHealth(t: TestApp, status: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last: request.Response | undefined;
  while (Date.now() < deadline) {
    last = await request(t.app.getHttpServer()).get('/health');
    if (last.status === status) {
      return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`/health stayed ${last?.status} ${JSON.stringify(last?.body)} instead of ${status}`);
}

describe('/health', () => {
  // A FerretDB of this test's own, so stopping it does not disturb the other tests.
  let dir: string;
  let database: RunningDatabase;
  let t: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roundtable-health-'));
    database = await startFerretDb({ dir });
    t = await createTestApp({ env: { MONGODB_URI: `${database.uri}health` } });
  });
  afterAll(async () => {
    await t.app.close();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the database up and the version', async () => {
    const response = await request(t.app.getHttpServer()).get('/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } }, version: '0.1.0' });
  });

  it('reports the database down with a 503 while FerretDB is stopped, and up again when it returns', async () => {
    await database.stop();
    const down = await waitForHealth(t, 503);
    expect(down.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });

    database = await startFerretDb({ dir, port: database.port });
    const up = await waitForHealth(t, 200);
    expect(up.body.info.database.status).toBe('up');
  });
});
