import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT } from '../../tools/servers/local-servers';

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is checked with compose-go, the
 * library behind `docker compose config`: it must parse, interpolate and validate against the spec.
 */
function composeCheck(...variables: string[]) {
  const binary = join(BIN, 'compose-check');
  if (!existsSync(binary)) {
    throw new Error('compose-check is not built: run `bash tools/install-servers.sh` (npm test does).');
  }
  return spawnSync(binary, [join(ROOT, 'docker-compose.yml'), ...variables], { encoding: 'utf8' });
}

describe('docker-compose.yml', () => {
  it('is a valid compose project with mongo, api, worker, mailpit and stripe-mock', () => {
    const result = composeCheck(
      'SESSION_SECRET=placeholder',
      'STRIPE_WEBHOOK_SECRET=placeholder',
      'LINKEDIN_CLIENT_ID=placeholder',
      'LINKEDIN_CLIENT_SECRET=placeholder',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(
      'valid: project roundtable with services api, mailpit, mongo, stripe-mock, worker',
    );
  });

  it('refuses to start without the secrets, naming them', () => {
    const result = composeCheck();
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('required variable SESSION_SECRET is missing a value');
    expect(result.stderr).toContain('required variable STRIPE_WEBHOOK_SECRET is missing a value');
  });
});
