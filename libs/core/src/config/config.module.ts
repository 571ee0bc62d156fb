import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { appConfig, databaseConfig } from './configuration';

/**
 * Exposes the validated settings as typed namespaces. The namespaces are read when the app is
 * instantiated, not when this file is imported, so a test can set the environment of each app it
 * boots; `main.ts` validates the whole environment before that and exits naming a bad variable.
 */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true }),
    ConfigModule.forFeature(appConfig),
    ConfigModule.forFeature(databaseConfig),
  ],
  exports: [ConfigModule],
})
export class CoreConfigModule {}
