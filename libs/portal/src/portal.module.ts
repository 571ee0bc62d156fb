import { Module, OnModuleInit } from '@nestjs/common';
import { NavigationRegistry } from '@roundtable/core';
import { AuthModule } from '@roundtable/auth';
import { BillingModule } from '@roundtable/billing';
import { BlogModule } from '@roundtable/blog';
import { DirectoryModule } from '@roundtable/directory';
import { MailModule } from '@roundtable/mail';
import { MembersModule } from '@roundtable/members';
import { ReportingDataModule } from '@roundtable/reporting';
import { SurveysDataModule } from '@roundtable/surveys';
import { AdminMembersController } from './admin-members.controller';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { ErasureService } from './erasure.service';
import { MemberAdminService } from './member-admin.service';
import { PortalController } from './portal.controller';
import { PORTAL_NAVIGATION } from './portal.navigation';
import { PortalService } from './portal.service';
import { ProfileChangeNotifier } from './profile-change-notifier.service';

/** The pages members and staff use around membership: join, apply, portal, staff queue, member list. */
@Module({
  // The features whose records erasure reaches (each erases its own through an exported repository).
  imports: [
    MembersModule,
    MailModule,
    AuthModule,
    BillingModule,
    BlogModule,
    DirectoryModule,
    SurveysDataModule,
    ReportingDataModule,
  ],
  controllers: [PortalController, ApplicationsController, AdminMembersController],
  providers: [PortalService, ProfileChangeNotifier, ApplicationsService, MemberAdminService, ErasureService],
})
export class PortalModule implements OnModuleInit {
  constructor(private readonly navigation: NavigationRegistry) {}

  onModuleInit(): void {
    this.navigation.register(PORTAL_NAVIGATION);
  }
}
