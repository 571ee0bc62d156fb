import { Module, OnModuleInit } from '@nestjs/common';
import { NavigationRegistry } from '@roundtable/core';
import { RosterImports } from './import/roster-import.service';
import { CensusApiController } from './public/census-api.controller';
import { AdminProposalsController } from './proposals/admin-proposals.controller';
import { ProfileChangesModule } from './proposals/profile-changes.module';
import { RosterProposals } from './proposals/roster-proposals.service';
import { ReferenceAdmin } from './reference/reference-admin.service';
import { AdminRosterController } from './tenures/admin-roster.controller';
import { RosterAdmin } from './tenures/roster-admin.service';
import { RosterExport } from './tenures/roster-export.service';
import { CensusController } from './public/census.controller';
import { CensusPages } from './public/census-pages.service';
import { RosterDataModule } from './roster-data.module';
import { ROSTER_NAVIGATION } from './roster.navigation';

/**
 * The roster and the census in the HTTP app: staff keep the roster (each change asks the worker for a
 * new census) and decide the changes members' profiles propose; the census page and its JSON read the
 * snapshot the worker wrote.
 */
@Module({
  imports: [RosterDataModule, ProfileChangesModule],
  // The proposals' routes before the roster's, whose `GET /admin/roster/:id` would take theirs.
  controllers: [CensusController, CensusApiController, AdminProposalsController, AdminRosterController],
  providers: [CensusPages, RosterAdmin, RosterImports, RosterExport, ReferenceAdmin, RosterProposals],
  exports: [RosterDataModule],
})
export class RosterModule implements OnModuleInit {
  constructor(private readonly navigation: NavigationRegistry) {}

  onModuleInit(): void {
    this.navigation.register(ROSTER_NAVIGATION);
  }
}
