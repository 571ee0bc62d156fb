import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { pageCacheConfig } from './page-cache.config';
import { PageCache } from './page-cache.service';
import { PageVersion, PageVersionSchema } from './page-version.schema';
import { PageVersionRepository } from './page-version.repository';

/** The public page cache; global, so every feature's repositories can invalidate it. */
@Global()
@Module({
  imports: [
    ConfigModule.forFeature(pageCacheConfig),
    MongooseModule.forFeature([{ name: PageVersion.name, schema: PageVersionSchema }]),
  ],
  providers: [PageCache, PageVersionRepository],
  exports: [PageCache],
})
export class PageCacheModule {}
