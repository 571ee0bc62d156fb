import { Module } from '@nestjs/common';
import { SurveysDataModule } from './surveys-data.module';

/** The survey pages of the HTTP app: staff's definition pages, the response page /s/<token>, the portal's list. */
@Module({
  imports: [SurveysDataModule],
  exports: [SurveysDataModule],
})
export class SurveysModule {}
