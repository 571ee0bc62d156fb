import { Module } from '@nestjs/common';
import { CoreConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { PageCacheModule } from './page-cache/page-cache.module';

/** What every app needs: validated configuration, the database connection and the public page cache. */
@Module({
  imports: [CoreConfigModule, DatabaseModule, PageCacheModule],
  exports: [CoreConfigModule, DatabaseModule, PageCacheModule],
})
export class CoreModule {}
