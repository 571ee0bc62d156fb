import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsModule } from '@roundtable/jobs';
import { SurveysDataModule } from '@roundtable/surveys';
import { CloseListener } from './compute/close-listener.service';
import { RankingRequests } from './compute/ranking-requests.service';
import { ExchangeTransfer } from './exchange/exchange-transfer.service';
import { SurveyExchangeReader } from './compute/survey-exchange.service';
import {
  RankingRequest,
  RankingRequestSchema,
  RankingSnapshot,
  RankingSnapshotSchema,
  RankingComputedState,
  RankingComputedStateSchema,
  RankingPublication,
  RankingPublicationSchema,
} from './snapshots/ranking-snapshot.schema';
import { RankingRequestRepository } from './snapshots/request.repository';
import { SnapshotRepository } from './snapshots/snapshot.repository';

const shared = [SnapshotRepository, RankingRequestRepository, SurveyExchangeReader, RankingRequests, ExchangeTransfer];

/**
 * Result snapshots, recompute requests and the survey reader, for the api and the worker alike (with
 * the listener that queues the final ranking when a survey closes, which both apps do).
 */
@Module({
  imports: [
    SurveysDataModule,
    JobsModule,
    MongooseModule.forFeature([
      { name: RankingSnapshot.name, schema: RankingSnapshotSchema },
      { name: RankingComputedState.name, schema: RankingComputedStateSchema },
      { name: RankingPublication.name, schema: RankingPublicationSchema },
      { name: RankingRequest.name, schema: RankingRequestSchema },
    ]),
  ],
  providers: [...shared, CloseListener],
  exports: [...shared, SurveysDataModule],
})
export class ReportingDataModule {}
