import { Module, OnModuleInit } from '@nestjs/common';
import { NavigationRegistry } from '@roundtable/core';
import { CensusApiController } from './public/census-api.controller';
import { CensusController } from './public/census.controller';
import { CensusPages } from './public/census-pages.service';
import { RosterDataModule } from './roster-data.module';
import { ROSTER_NAVIGATION } from './roster.navigation';

/**
 * The roster and the census in the HTTP app: staff keep the roster (each change asks the worker for a
 * new census); the census page and its JSON read the snapshot the worker wrote.
 */
@Module({
  imports: [RosterDataModule],
  controllers: [CensusController, CensusApiController],
  providers: [CensusPages],
  exports: [RosterDataModule],
})
export class RosterModule implements OnModuleInit {
  constructor(private readonly navigation: NavigationRegistry) {}

  onModuleInit(): void {
    this.navigation.register(ROSTER_NAVIGATION);
  }
}
