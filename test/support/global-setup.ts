import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ferretDbBackends,
  hasFerretDb,
  startFerretDb,
  startMailSink,
  startOidcProvider,
  startStripeMock,
  type RunningDatabase,
} from '../../tools/servers/local-servers';

/**
 * Starts the real servers once for the whole e2e run: FerretDB (on the default backend) on a free port
 * with its data in a temp dir, stripe-mock, and the
 * local mailbox (SMTP sink), and the
 * OpenID Connect provider standing in for LinkedIn. Their addresses reach the tests through the environment.
 */
export default async function globalSetup(): Promise<void> {
  if (!hasFerretDb()) {
    throw new Error('FerretDB is not built: run `bash tools/install-servers.sh` (npm test does it for you).');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'roundtable-test-'));
  // The default backend (`ROUNDTABLE_FERRETDB_BACKEND` picks one), the other if it cannot start; test
  // data is thrown away, so PostgreSQL skips fsync.
  let database: RunningDatabase | null = null;
  for (const backend of ferretDbBackends()) {
    try {
      const dir = join(dataDir, `ferretdb-${backend}`);
      database = await startFerretDb({ backend, dir, logFile: join(dataDir, 'ferretdb.log'), throwaway: true });
      break;
    } catch (error) {
      process.stderr.write(`FerretDB on ${backend} did not start (${String(error)}); trying the next backend.\n`);
    }
  }
  if (!database) {
    throw new Error(`FerretDB did not start on any backend; see ${join(dataDir, 'ferretdb.log')}`);
  }
  const stripe = await startStripeMock({ logFile: join(dataDir, 'stripe-mock.log') });
  const mail = await startMailSink({ logFile: join(dataDir, 'mail-sink.log') });
  process.env.TEST_SMTP_URL = mail.smtpUrl;
  process.env.TEST_MAILBOX_URL = mail.url;
  const oidc = await startOidcProvider({ logFile: join(dataDir, 'oidc-provider.log') });
  process.env.TEST_OIDC_URL = oidc.url;
  process.env.TEST_DATA_DIR = dataDir;
  process.env.TEST_MONGODB_URI = database.uri;
  process.env.TEST_FERRETDB_PORT = String(database.port);
  if (database.postgresUrl) {
    process.env.TEST_POSTGRESQL_URL = database.postgresUrl;
  }
  process.env.TEST_STRIPE_URL = stripe.url;
  (globalThis as Record<string, unknown>).__roundtableServers = [database, stripe, mail, oidc];
}
