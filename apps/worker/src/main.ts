import { setFlagsFromString } from 'node:v8';
import { NestFactory } from '@nestjs/core';
import { APP_VERSION, createLogger, loadSettingsOrExit } from '@roundtable/core';
import { MailEnvironmentVariables } from '@roundtable/mail';
import { JobLoop } from '@roundtable/jobs';
import { BillingEnvironmentVariables } from '@roundtable/billing';
import { WorkerModule } from './worker.module';

/**
 * How far V8 lets the old generation grow past what the last full collection kept: 1.5×. Sending
 * allocates fast (MIME building, driver buffers, mongoose documents), and many of those objects live
 * long enough to be promoted (an email in flight waits on the relay's rate and on its delivery record),
 * so with V8's own factor (up to 4×) a worker whose live heap stays ~60–70 MB, whatever the audience's
 * size, let garbage grow its heap to ~240 MB and its resident set past 300 MB before collecting (measured
 * with process.memoryUsage() during the distribution benchmark; a heap snapshot holds ~50 MB). A soft
 * factor, not a hard limit: the heap still grows to whatever a job really holds (a large ranking). The
 * flag is read at each collection, so setting it here, before anything runs, is enough.
 */
const HEAP_GROWING_PERCENT = 50;

async function bootstrap(): Promise<void> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const settings = loadSettingsOrExit(MailEnvironmentVariables, BillingEnvironmentVariables);
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: createLogger({ format: settings.LOG_FORMAT, level: settings.LOG_LEVEL }),
  });
  app.enableShutdownHooks();
  try {
    // Checks that every job type has its handler here, books the standing schedules, takes jobs.
    await app.get(JobLoop).open();
  } catch (error) {
    process.stderr.write(`The worker cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    await app.close();
    process.exit(1);
  }
  process.stdout.write(`Roundtable ${APP_VERSION} worker started\n`);
}

void bootstrap();
