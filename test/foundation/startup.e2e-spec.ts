import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../tools/servers/local-servers';

/** Runs a built app with exactly the given environment and returns how it ended. */
function start(app: 'api' | 'worker', env: Record<string, string>) {
  const entry = join(ROOT, 'dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run \`npm run build\` first (npm test does).`);
  }
  return spawnSync(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('Start-up configuration', () => {
  it.each(['api', 'worker'] as const)('the %s refuses to start without MONGODB_URI and names it', (app) => {
    const result = start(app, {});
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('MONGODB_URI is required but not set');
  });

  it('names every malformed variable at once, without echoing its value', () => {
    const result = start('api', {
      MONGODB_URI: 'postgres://secret-host/db',
      PORT: 'eighty',
      LOG_FORMAT: 'xml',
      FERRETDB_POSTGRESQL_URL: 'mongodb://secret-host/db',
      FERRETDB_INDEX_MIRROR: 'yes',
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('MONGODB_URI must be a mongodb:// or mongodb+srv:// URI');
    expect(result.stderr).toMatch(/PORT: .*integer/);
    expect(result.stderr).toMatch(/LOG_FORMAT: /);
    expect(result.stderr).toContain('FERRETDB_POSTGRESQL_URL must be a postgres:// or postgresql:// URL');
    expect(result.stderr).toMatch(/FERRETDB_INDEX_MIRROR: /);
    expect(result.stderr).not.toContain('secret-host');
  });
});
