import { Module, OnModuleInit } from '@nestjs/common';
import { NavigationRegistry } from '@roundtable/core';
import { MongooseModule } from '@nestjs/mongoose';
import { MembersModule } from '@roundtable/members';
import { DirectoryController } from './directory.controller';
import { DirectoryListing, DirectoryListingSchema } from './directory-listing.schema';
import { DirectoryListingRepository } from './directory-listing.repository';
import { DirectoryService } from './directory.service';
import { DIRECTORY_NAVIGATION } from './directory.navigation';

/** The members' directory: opted-in members with the fields each chose; staff see everyone. */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: DirectoryListing.name, schema: DirectoryListingSchema }]),
    MembersModule,
  ],
  controllers: [DirectoryController],
  providers: [DirectoryListingRepository, DirectoryService],
  exports: [DirectoryListingRepository],
})
export class DirectoryModule implements OnModuleInit {
  constructor(private readonly navigation: NavigationRegistry) {}

  onModuleInit(): void {
    this.navigation.register(DIRECTORY_NAVIGATION);
  }
}
