import { Module, OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { NavigationRegistry, PROFILE_CHANGES } from '@roundtable/core';
import { RosterImports } from './import/roster-import.service';
import { CensusApiController } from './public/census-api.controller';
import { AdminProposalsController } from './proposals/admin-proposals.controller';
import { ProfileChangeProposals } from './proposals/profile-change-proposals.service';
import { RosterProposalRepository } from './proposals/roster-proposal.repository';
import { RosterProposal, RosterProposalSchema } from './proposals/roster-proposal.schema';
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
  imports: [RosterDataModule, MongooseModule.forFeature([{ name: RosterProposal.name, schema: RosterProposalSchema }])],
  // The proposals' routes before the roster's, whose `GET /admin/roster/:id` would take theirs.
  controllers: [CensusController, CensusApiController, AdminProposalsController, AdminRosterController],
  providers: [
    CensusPages,
    RosterAdmin,
    RosterImports,
    RosterExport,
    ReferenceAdmin,
    RosterProposalRepository,
    RosterProposals,
    ProfileChangeProposals,
    // Members' profile changes (the portal) reach the roster through core's port, not an import.
    { provide: PROFILE_CHANGES, useExisting: ProfileChangeProposals },
  ],
  exports: [RosterDataModule],
})
export class RosterModule implements OnModuleInit {
  constructor(private readonly navigation: NavigationRegistry) {}

  onModuleInit(): void {
    this.navigation.register(ROSTER_NAVIGATION);
  }
}
