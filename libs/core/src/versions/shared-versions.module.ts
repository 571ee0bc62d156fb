import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SharedVersion, SharedVersionSchema } from './shared-version.schema';
import { SharedVersionRepository } from './shared-version.repository';
import { SharedVersions } from './shared-versions.service';

/** The shared versions; global, so members and auth (and anything that keeps records) reach one instance. */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: SharedVersion.name, schema: SharedVersionSchema }])],
  providers: [SharedVersions, SharedVersionRepository],
  exports: [SharedVersions],
})
export class SharedVersionsModule {}
