import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsModule } from '@roundtable/jobs';
import { CensusRequests } from './compute/census-requests.service';
import { ReferenceList, ReferenceListSchema } from './reference/reference-list.schema';
import { ReferenceListRepository } from './reference/reference-list.repository';
import { CensusSnapshot, CensusSnapshotSchema } from './snapshots/census-snapshot.schema';
import { CensusSnapshotRepository } from './snapshots/census-snapshot.repository';
import { Tenure, TenureSchema } from './tenures/tenure.schema';
import { TenureRepository } from './tenures/tenure.repository';

const shared = [TenureRepository, ReferenceListRepository, CensusSnapshotRepository, CensusRequests];

/** The roster, reference lists and census snapshots, for the api and the worker alike. */
@Module({
  imports: [
    JobsModule,
    MongooseModule.forFeature([
      { name: Tenure.name, schema: TenureSchema },
      { name: ReferenceList.name, schema: ReferenceListSchema },
      { name: CensusSnapshot.name, schema: CensusSnapshotSchema },
    ]),
  ],
  providers: shared,
  exports: shared,
})
export class RosterDataModule {}
