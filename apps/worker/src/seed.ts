import { NestFactory } from '@nestjs/core';
import { createLogger, loadSettingsOrExit } from '@roundtable/core';
import { BillingEnvironmentVariables, seedDefaultTiers, TierRepository } from '@roundtable/billing';
import { MailEnvironmentVariables } from '@roundtable/mail';
import { MemberRepository, seedDemoMembers } from '@roundtable/members';
import { Module } from '@nestjs/common';
import { AuthEnvironmentVariables } from '@roundtable/auth';
import { BlogModule, CommentRepository, PostRepository, seedDemoComments, seedDemoPosts } from '@roundtable/blog';
import { RankingComputer, seedDemoResearch, seedDemoSecondWave, SnapshotRepository } from '@roundtable/reporting';
import { CensusComputer, ReferenceListRepository, seedDemoRoster, TenureRepository } from '@roundtable/roster';
import {
  ResourceFileRepository,
  ResourceRepository,
  ResourcesEnvironmentVariables,
  ResourcesModule,
  seedDemoResources,
} from '@roundtable/resources';
import { QuoteRepository, seedDemoQuotes, SiteModule } from '@roundtable/site';
import { InvitationRepository, ResponseRepository, SurveyRepository } from '@roundtable/surveys';
import { WorkerModule } from './worker.module';

/** The worker's modules plus those whose demo records are seeded too: the blog's, the site's quotes, the library's. */
@Module({ imports: [WorkerModule, BlogModule, SiteModule, ResourcesModule] })
class SeedModule {}

/**
 * Seeds the demo data `npm start` runs with, adding only what is missing, then exits. Each feature
 * owns its demo records; this file only calls them in order.
 */
async function seed(): Promise<void> {
  const settings = loadSettingsOrExit(
    MailEnvironmentVariables,
    BillingEnvironmentVariables,
    AuthEnvironmentVariables,
    ResourcesEnvironmentVariables,
  );
  const app = await NestFactory.createApplicationContext(SeedModule, {
    logger: createLogger({ format: settings.LOG_FORMAT, level: 'warn' }),
  });
  const members = await seedDemoMembers(app.get(MemberRepository));
  const tiers = await seedDefaultTiers(app.get(TierRepository));
  const staff = (await app.get(MemberRepository).findByEmail('staff@roundtable.local'))!;
  const posts = await seedDemoPosts(app.get(PostRepository), { id: String(staff._id), name: staff.name });
  const writers = [];
  for (const email of ['jordan.lee@roundtable.local', 'priya.shah@roundtable.local']) {
    const writer = (await app.get(MemberRepository).findByEmail(email))!;
    writers.push({ id: String(writer._id), name: writer.name });
  }
  const comments = await seedDemoComments(app.get(PostRepository), app.get(CommentRepository), writers);
  const quotes = await seedDemoQuotes(app.get(QuoteRepository));
  const resources = await seedDemoResources(
    app.get(ResourceRepository),
    app.get(ResourceFileRepository),
    String(staff._id),
    (await app.get(TierRepository).listAll()).map((tier) => tier.slug),
  );
  const research = {
    surveys: app.get(SurveyRepository),
    invitations: app.get(InvitationRepository),
    responses: app.get(ResponseRepository),
    members: app.get(MemberRepository),
    computer: app.get(RankingComputer),
    snapshots: app.get(SnapshotRepository),
  };
  const responses = (await seedDemoResearch(research)) + (await seedDemoSecondWave(research));
  const tenures = await seedDemoRoster({
    tenures: app.get(TenureRepository),
    lists: app.get(ReferenceListRepository),
    computer: app.get(CensusComputer),
  });
  process.stdout.write(
    `Demo data: ${members} member(s), ${tiers} membership tier(s), ${posts} post(s), ${comments} comment(s), ${quotes} quote(s), ${resources} library document(s), ${responses} survey response(s) and ${tenures} roster tenure(s) added.\n`,
  );
  await app.close();
}

seed().catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
