import { Types } from 'mongoose';
import { ResourceRepository } from '@roundtable/resources';
import type { TestApp } from './create-test-app';

type ResourceFields = Parameters<ResourceRepository['create']>[0];

/**
 * A library document's record as an upload stores it (ResourceRepository.create), for the council
 * tier, pointing at a file id that need not exist (tests of the record, not of the download).
 */
export async function buildResource(t: TestApp, overrides: Partial<ResourceFields> = {}) {
  return t.app.get(ResourceRepository).create({
    title: 'Probe document',
    summary: 'For the probe.',
    category: 'Research',
    tiers: ['council'],
    fileId: new Types.ObjectId(),
    fileName: 'probe.pdf',
    kind: 'pdf',
    contentType: 'application/pdf',
    size: 10,
    sha256: '0'.repeat(64),
    uploadedBy: 'probe',
    ...overrides,
  });
}

/** A download count per resource, tier and process, as releases before the shared counters kept them. */
export interface LegacyDownloadCount {
  resourceId: string;
  tier: string;
  process: string;
  count: number;
}

/**
 * Writes download counts in the collection an earlier release kept them in, for the start-up fold
 * that carries them into the shared counters. The app no longer writes this collection (it only
 * reads and drops it), so a test writes it here, raw, in the old shape.
 */
export async function writeLegacyDownloadCounts(t: TestApp, rows: LegacyDownloadCount[]): Promise<void> {
  await t.connection
    .collection<LegacyDownloadCount & { _id: string }>('resource_download_counts')
    .insertMany(rows.map((row) => ({ _id: `${row.resourceId}:${row.tier}:${row.process}`, ...row })));
}
