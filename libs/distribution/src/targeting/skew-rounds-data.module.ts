import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SkewRoundRepository } from './skew-round.repository';
import { SurveySkewRound, SurveySkewRoundSchema } from './skew-round.schema';

/** The targeted reminder rounds' records, for distribution (which writes them) and the report (which lists them). */
@Module({
  imports: [MongooseModule.forFeature([{ name: SurveySkewRound.name, schema: SurveySkewRoundSchema }])],
  providers: [SkewRoundRepository],
  exports: [SkewRoundRepository],
})
export class SkewRoundsDataModule {}
