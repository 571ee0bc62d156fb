import { Module } from '@nestjs/common';
import { CoreConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { NavigationModule } from './navigation/navigation.registry';
import { PageCacheModule } from './page-cache/page-cache.module';

/** What every app needs: validated configuration, the database connection, the public page cache, the navigation registry. */
@Module({
  imports: [CoreConfigModule, DatabaseModule, PageCacheModule, NavigationModule],
  exports: [CoreConfigModule, DatabaseModule, PageCacheModule, NavigationModule],
})
export class CoreModule {}
