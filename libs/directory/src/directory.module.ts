import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MembersModule } from '@roundtable/members';
import { DirectoryController } from './directory.controller';
import { DirectoryListing, DirectoryListingSchema } from './directory-listing.schema';
import { DirectoryListingRepository } from './directory-listing.repository';
import { DirectoryService } from './directory.service';

/** The members' directory: opted-in members with the fields each chose; staff see everyone. */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: DirectoryListing.name, schema: DirectoryListingSchema }]),
    MembersModule,
  ],
  controllers: [DirectoryController],
  providers: [DirectoryListingRepository, DirectoryService],
})
export class DirectoryModule {}
