import { NestFactory } from '@nestjs/core';
import { APP_VERSION, createLogger, loadSettingsOrExit } from '@roundtable/core';
import { MailEnvironmentVariables } from '@roundtable/mail';
import { JobHistoryPruner, JobLoop } from '@roundtable/jobs';
import { BillingEnvironmentVariables, MembershipSweep } from '@roundtable/billing';
import { CommentDigestJob } from '@roundtable/blog';
import { AdminHomeSnapshots } from '@roundtable/admin';
import { SurveyBookkeeping } from '@roundtable/distribution';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const settings = loadSettingsOrExit(MailEnvironmentVariables, BillingEnvironmentVariables);
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: createLogger({ format: settings.LOG_FORMAT, level: settings.LOG_LEVEL }),
  });
  app.enableShutdownHooks();
  app.get(JobLoop).start();
  // Books the billing sweep job if none is scheduled; the job loop above runs it.
  await app.get(MembershipSweep).start();
  await app.get(JobHistoryPruner).start();
  // Books the hourly staff comment digest.
  await app.get(CommentDigestJob).start();
  // Books the admin home's figures (every five minutes).
  await app.get(AdminHomeSnapshots).start();
  await app.get(SurveyBookkeeping).start();
  process.stdout.write(`Roundtable ${APP_VERSION} worker started\n`);
}

void bootstrap();
