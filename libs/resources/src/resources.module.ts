import { Module, OnModuleInit } from '@nestjs/common';
import { NavigationRegistry } from '@roundtable/core';
import { ConfigModule } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthModule } from '@roundtable/auth';
import { BillingModule } from '@roundtable/billing';
import { CountersModule } from '@roundtable/counters';
import { LegacyDownloadCountRepository } from './downloads/legacy-download-count.repository';
import { LegacyDownloadCounts } from './downloads/legacy-download-counts';
import { ResourceDownloadStats } from './downloads/resource-download-stats.service';
import { ResourceFileRepository } from './files/resource-files.repository';
import { DocumentUploadInterceptor } from './files/upload.interceptor';
import { AdminResourcesController } from './library/admin-resources.controller';
import { ResourceAdmin } from './library/resource-admin.service';
import { Resource, ResourceSchema } from './library/resource.schema';
import { ResourceRepository } from './library/resource.repository';
import { ResourcesController } from './library/resources.controller';
import { ResourcesService } from './library/resources.service';
import { resourcesConfig } from './resources.config';
import { RESOURCES_NAVIGATION } from './resources.navigation';

/** The resource library: documents in GridFS, described by staff, downloaded by entitled members. */
@Module({
  imports: [
    ConfigModule.forFeature(resourcesConfig),
    MongooseModule.forFeature([{ name: Resource.name, schema: ResourceSchema }]),
    AuthModule,
    BillingModule,
    CountersModule,
  ],
  controllers: [AdminResourcesController, ResourcesController],
  providers: [
    ResourceRepository,
    ResourceFileRepository,
    ResourceDownloadStats,
    LegacyDownloadCountRepository,
    LegacyDownloadCounts,
    ResourcesService,
    ResourceAdmin,
    DocumentUploadInterceptor,
  ],
  // The repositories also serve `npm start`'s demo seed (seedDemoResources).
  exports: [ResourceDownloadStats, ResourceRepository, ResourceFileRepository],
})
export class ResourcesModule implements OnModuleInit {
  constructor(private readonly navigation: NavigationRegistry) {}

  onModuleInit(): void {
    this.navigation.register(RESOURCES_NAVIGATION);
  }
}
