import { AuthEnvironmentVariables } from '@roundtable/auth';
import { BillingEnvironmentVariables } from '@roundtable/billing';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { APP_VERSION, configureHttpApp, createLogger, loadSettingsOrExit } from '@roundtable/core';
import { MailEnvironmentVariables } from '@roundtable/mail';
import { ResourcesEnvironmentVariables } from '@roundtable/resources';
import { ApiModule } from './api.module';

async function bootstrap(): Promise<void> {
  const settings = loadSettingsOrExit(
    MailEnvironmentVariables,
    AuthEnvironmentVariables,
    BillingEnvironmentVariables,
    ResourcesEnvironmentVariables,
  );
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, {
    logger: createLogger({ format: settings.LOG_FORMAT, level: settings.LOG_LEVEL }),
    rawBody: true,
  });
  configureHttpApp(app);
  await app.listen(settings.PORT, settings.HOST);
  process.stdout.write(`Roundtable ${APP_VERSION} API listening on ${settings.APP_BASE_URL}\n`);
}

void bootstrap();
