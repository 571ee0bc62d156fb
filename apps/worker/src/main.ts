import { NestFactory } from '@nestjs/core';
import { APP_VERSION, createLogger, loadSettingsOrExit } from '@roundtable/core';
import { MailEnvironmentVariables } from '@roundtable/mail';
import { JobLoop } from '@roundtable/jobs';
import { BillingEnvironmentVariables } from '@roundtable/billing';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
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
