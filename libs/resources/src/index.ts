/**
 * @roundtable/resources: the resource library. Staff upload PDF, DOCX and XLSX documents (checked by
 * content, kept in GridFS) for the tiers that may download them; visitors see what is there.
 * `ResourceDownloadStats` gives downloads per resource and tier for staff pages (the admin home).
 */
export { ResourcesModule } from './resources.module';
export { ResourcesEnvironmentVariables, resourcesConfig } from './resources.config';
export { ResourceDownloadStats } from './downloads/resource-download-stats.service';
/** Carries downloads counted before the shared counters into them (run at start; tests call `fold`). */
export { LegacyDownloadCounts } from './downloads/legacy-download-counts';
export type { ResourceDownloads } from './downloads/download-stats';
export { ResourceRepository } from './library/resource.repository';
export { ResourceFileRepository } from './files/resource-files.repository';
export { seedDemoResources, jobDescriptionPdf } from './library/demo-resources';
