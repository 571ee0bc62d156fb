import { Module } from '@nestjs/common';
import { CoreConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { NavigationModule } from './navigation/navigation.registry';
import { PageCacheModule } from './page-cache/page-cache.module';
import { SharedVersionsModule } from './versions/shared-versions.module';

/** What every app needs: validated configuration, the database connection, the public page cache, the shared versions, the navigation registry. */
@Module({
  imports: [CoreConfigModule, DatabaseModule, PageCacheModule, SharedVersionsModule, NavigationModule],
  exports: [CoreConfigModule, DatabaseModule, PageCacheModule, SharedVersionsModule, NavigationModule],
})
export class CoreModule {}
