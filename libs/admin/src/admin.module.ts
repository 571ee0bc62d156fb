import { Module, OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthModule } from '@roundtable/auth';
import { BillingWorkerModule } from '@roundtable/billing';
import { BlogWorkerModule } from '@roundtable/blog';
import { NavigationRegistry } from '@roundtable/core';
import { CountersModule } from '@roundtable/counters';
import { JobsModule } from '@roundtable/jobs';
import { MembersModule } from '@roundtable/members';
import { SurveysDataModule } from '@roundtable/surveys';
import { ADMIN_NAVIGATION } from './admin.navigation';
import { AdminHomeController } from './home/admin-home.controller';
import { AdminHomeRepository } from './home/admin-home.repository';
import { AdminHomeSnapshot, AdminHomeSnapshotSchema } from './home/admin-home.schema';
import { AdminHome } from './home/admin-home.service';
import { AdminHomeSnapshots } from './home/admin-home-snapshots.service';

const persistence = MongooseModule.forFeature([{ name: AdminHomeSnapshot.name, schema: AdminHomeSnapshotSchema }]);

/** Staff's home page (API app): reads the worker's snapshot. */
@Module({
  imports: [persistence, AuthModule, JobsModule, CountersModule, SurveysDataModule],
  controllers: [AdminHomeController],
  providers: [AdminHomeRepository, AdminHome],
})
export class AdminModule implements OnModuleInit {
  constructor(private readonly navigation: NavigationRegistry) {}

  onModuleInit(): void {
    this.navigation.register(ADMIN_NAVIGATION);
  }
}

/** The worker's part: computes the home's snapshot from members, comments and billing. */
@Module({
  imports: [persistence, JobsModule, MembersModule, BlogWorkerModule, BillingWorkerModule, CountersModule],
  providers: [AdminHomeRepository, AdminHomeSnapshots],
  exports: [AdminHomeSnapshots],
})
export class AdminWorkerModule {}
