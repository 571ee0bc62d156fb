import { Module, OnModuleInit } from '@nestjs/common';
import { NavigationRegistry } from '@roundtable/core';
import { MailModule } from '@roundtable/mail';
import { MembersModule } from '@roundtable/members';
import { AdminMembersController } from './admin-members.controller';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { MemberAdminService } from './member-admin.service';
import { PortalController } from './portal.controller';
import { PORTAL_NAVIGATION } from './portal.navigation';
import { PortalService } from './portal.service';

/** The pages members and staff use around membership: join, apply, portal, staff queue, member list. */
@Module({
  imports: [MembersModule, MailModule],
  controllers: [PortalController, ApplicationsController, AdminMembersController],
  providers: [PortalService, ApplicationsService, MemberAdminService],
})
export class PortalModule implements OnModuleInit {
  constructor(private readonly navigation: NavigationRegistry) {}

  onModuleInit(): void {
    this.navigation.register(PORTAL_NAVIGATION);
  }
}
