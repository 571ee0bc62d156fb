import { Injectable } from '@nestjs/common';
import { ShardedCounters } from '@roundtable/counters';
import { ResourceRepository } from '../library/resource.repository';
import { DOWNLOADS_GROUP, downloadFigure, downloadRows, ResourceDownloads, sumDownloads } from './download-stats';

/**
 * Downloads per resource and tier, counted with the shared `ShardedCounters` (group
 * `resource-downloads`, figure `<resourceId>|<tier>`): a download adds to this process's shard,
 * staff pages such as the admin home read the summed shards and the library's records (tens),
 * never the downloads themselves.
 */
@Injectable()
export class ResourceDownloadStats {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly counters: ShardedCounters,
  ) {}

  /** Resolves once this download is counted in the database. */
  record(resourceId: string, tier: string): Promise<void> {
    return this.counters.add(DOWNLOADS_GROUP, { [downloadFigure(resourceId, tier)]: 1 });
  }

  async byResourceAndTier(): Promise<ResourceDownloads[]> {
    const resources = await this.resources.listAll();
    return sumDownloads(
      resources.map((resource) => ({ id: String(resource._id), title: resource.title })),
      downloadRows(await this.counters.read(DOWNLOADS_GROUP)),
    );
  }
}
