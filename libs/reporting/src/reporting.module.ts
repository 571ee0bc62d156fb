import { Module } from '@nestjs/common';
import { CompletionListener } from './compute/completion-listener.service';
import { ReportingDataModule } from './reporting-data.module';

/** Reporting in the HTTP app: completions ask for recomputation; the console and reports read snapshots. */
@Module({
  imports: [ReportingDataModule],
  providers: [CompletionListener],
  exports: [ReportingDataModule],
})
export class ReportingModule {}
