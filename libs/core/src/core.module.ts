import { Module } from '@nestjs/common';
import { CoreConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';

/** What every app needs: validated configuration and the database connection. */
@Module({
  imports: [CoreConfigModule, DatabaseModule],
  exports: [CoreConfigModule, DatabaseModule],
})
export class CoreModule {}
