import { rmSync } from 'node:fs';
import type { RunningServer } from '../../tools/servers/local-servers';

export default async function globalTeardown(): Promise<void> {
  const servers = ((globalThis as Record<string, unknown>).__roundtableServers ?? []) as RunningServer[];
  await Promise.all(servers.map((server) => server.stop()));
  if (process.env.TEST_DATA_DIR) {
    rmSync(process.env.TEST_DATA_DIR, { recursive: true, force: true });
  }
}
