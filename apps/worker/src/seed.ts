import { NestFactory } from '@nestjs/core';
import { createLogger, loadSettingsOrExit } from '@roundtable/core';
import { BillingEnvironmentVariables, TierRepository } from '@roundtable/billing';
import { MailEnvironmentVariables } from '@roundtable/mail';
import { MemberRepository, seedDemoMembers } from '@roundtable/members';
import { WorkerModule } from './worker.module';

/**
 * Seeds the demo data `npm start` runs with, adding only what is missing, then exits. Each feature
 * owns its demo records; this file only calls them in order.
 */
async function seed(): Promise<void> {
  const settings = loadSettingsOrExit(MailEnvironmentVariables, BillingEnvironmentVariables);
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: createLogger({ format: settings.LOG_FORMAT, level: 'warn' }),
  });
  const members = await seedDemoMembers(app.get(MemberRepository));
  const tiers = await app.get(TierRepository).seedDefaults();
  process.stdout.write(`Demo data: ${members} member(s) and ${tiers} membership tier(s) added.\n`);
  await app.close();
}

seed().catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
