import { registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { validateEnvironment } from '@roundtable/core';

/** The variables of the resource library. */
export class ResourcesEnvironmentVariables {
  /** The largest document staff may upload, in megabytes (documents are kept in the database). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  RESOURCES_MAX_UPLOAD_MB = 10;
}

export const resourcesConfig = registerAs('resources', () => {
  const env = validateEnvironment(process.env, ResourcesEnvironmentVariables);
  return { maxUploadBytes: env.RESOURCES_MAX_UPLOAD_MB * 1024 * 1024 };
});
