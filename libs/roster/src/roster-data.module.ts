import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsModule } from '@roundtable/jobs';
import { CensusRequests } from './compute/census-requests.service';
import { RosterImport, RosterImportSchema } from './import/roster-import.schema';
import { RosterImportRepository } from './import/roster-import.repository';
import { ReferenceList, ReferenceListSchema } from './reference/reference-list.schema';
import { ReferenceListRepository } from './reference/reference-list.repository';
import { CensusSnapshot, CensusSnapshotSchema } from './snapshots/census-snapshot.schema';
import { CensusSnapshotRepository } from './snapshots/census-snapshot.repository';
import { Tenure, TenureSchema } from './tenures/tenure.schema';
import { TenureRepository } from './tenures/tenure.repository';

const shared = [
  TenureRepository,
  ReferenceListRepository,
  CensusSnapshotRepository,
  RosterImportRepository,
  CensusRequests,
];

/** The roster, reference lists, import previews and census snapshots, for the api and the worker alike. */
@Module({
  imports: [
    JobsModule,
    MongooseModule.forFeature([
      { name: Tenure.name, schema: TenureSchema },
      { name: ReferenceList.name, schema: ReferenceListSchema },
      { name: CensusSnapshot.name, schema: CensusSnapshotSchema },
      { name: RosterImport.name, schema: RosterImportSchema },
    ]),
  ],
  providers: shared,
  exports: shared,
})
export class RosterDataModule {}
