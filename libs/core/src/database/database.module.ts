import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { databaseConfig } from '../config/configuration';
import { IndexMirror } from './index-mirror/index-mirror.service';
import { RegisteredModelsRepository } from './index-mirror/registered-models.repository';

/**
 * The mongoose connection. Timeouts are short so that a stopped database shows up quickly in
 * `/health` and in requests (503/500) instead of hanging; the driver reconnects by itself when it
 * returns. `autoIndex` builds each schema's declared indexes at start-up, on MongoDB and FerretDB.
 */
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (config: ConfigType<typeof databaseConfig>) => ({
        uri: config.uri,
        serverSelectionTimeoutMS: 3000,
        connectTimeoutMS: 3000,
        heartbeatFrequencyMS: 2000,
        autoIndex: true,
      }),
    }),
  ],
  providers: [IndexMirror, RegisteredModelsRepository],
})
export class DatabaseModule {}
