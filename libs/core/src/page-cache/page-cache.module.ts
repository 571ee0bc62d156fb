import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { EarlyAnswers } from './early-answers';
import { pageCacheConfig } from './page-cache.config';
import { PageCache } from './page-cache.service';
import { PageVersion, PageVersionSchema } from './page-version.schema';
import { PageVersionRepository } from './page-version.repository';

/**
 * The public page cache; global, so every feature's repositories can invalidate it. Also the early pages
 * registry, where a feature puts what it answers from memory before sessions.
 */
@Global()
@Module({
  imports: [
    ConfigModule.forFeature(pageCacheConfig),
    MongooseModule.forFeature([{ name: PageVersion.name, schema: PageVersionSchema }]),
  ],
  providers: [PageCache, PageVersionRepository, EarlyAnswers],
  exports: [PageCache, EarlyAnswers],
})
export class PageCacheModule {}
