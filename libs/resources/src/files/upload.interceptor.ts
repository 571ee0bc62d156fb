import type { ConfigType } from '@nestjs/config';
import { ConfiguredUploadInterceptor } from '@roundtable/core';
import { resourcesConfig } from '../resources.config';

/**
 * The library's document upload, cut off at the configured size. The name and the content are
 * checked afterwards by checkDocument, which knows the document kinds.
 */
export const DocumentUploadInterceptor = ConfiguredUploadInterceptor(
  resourcesConfig.KEY,
  (config: ConfigType<typeof resourcesConfig>) => ({
    maxBytes: config.maxUploadBytes,
    fieldLabel: 'Document',
    maxFields: 40,
  }),
);
