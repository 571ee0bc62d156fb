import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { appConfig, databaseConfig } from './configuration';
import { EnvironmentVariables, validateEnvironment } from './env.validation';

/** Loads and validates the environment once; a bad variable stops the process before anything listens. */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      cache: true,
      validate: (raw) => ({ ...raw, ...validateEnvironment(raw, EnvironmentVariables) }),
      load: [appConfig, databaseConfig],
    }),
  ],
})
export class CoreConfigModule {}
