import { Injectable } from '@nestjs/common';
import { ResourceRepository } from '../library/resource.repository';
import { DownloadCountRepository } from './download-count.repository';
import { ResourceDownloads, sumDownloads } from './download-stats';

/**
 * Downloads per resource and tier, for staff pages such as the admin home: reads the small
 * counter documents and the library's records (tens), never the downloads themselves.
 */
@Injectable()
export class ResourceDownloadStats {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly counts: DownloadCountRepository,
  ) {}

  async byResourceAndTier(): Promise<ResourceDownloads[]> {
    const resources = await this.resources.listAll();
    return sumDownloads(
      resources.map((resource) => ({ id: String(resource._id), title: resource.title })),
      await this.counts.listAll(),
    );
  }
}
