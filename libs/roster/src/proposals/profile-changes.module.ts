import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PROFILE_CHANGES } from '@roundtable/core';
import { RosterDataModule } from '../roster-data.module';
import { ProfileChangeProposals } from './profile-change-proposals.service';
import { RosterProposalRepository } from './roster-proposal.repository';
import { RosterProposal, RosterProposalSchema } from './roster-proposal.schema';

/**
 * The roster's ear for members' profile changes, for the portal, which does not import the roster
 * (docs/architecture.md, "ports in core"). Global, so the portal injects PROFILE_CHANGES with
 * `@Optional()`; an app or test module without the roster tells nobody.
 */
@Global()
@Module({
  imports: [RosterDataModule, MongooseModule.forFeature([{ name: RosterProposal.name, schema: RosterProposalSchema }])],
  providers: [
    RosterProposalRepository,
    ProfileChangeProposals,
    { provide: PROFILE_CHANGES, useExisting: ProfileChangeProposals },
  ],
  exports: [RosterProposalRepository, PROFILE_CHANGES],
})
export class ProfileChangesModule {}
