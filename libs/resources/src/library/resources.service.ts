import { Injectable, type StreamableFile } from '@nestjs/common';
import type { SessionMember } from '@roundtable/auth';
import { grantsEntitlements, type MembershipState, TierRepository } from '@roundtable/billing';
import { fileDownload, NotFoundError, PageAnswer } from '@roundtable/core';
import { ResourceDownloadStats } from '../downloads/resource-download-stats.service';
import { ResourceFileRepository } from '../files/resource-files.repository';
import { downloadDecision, REFUSALS } from './access';
import { ResourceRecord, ResourceRepository } from './resource.repository';
import { byCategory, contentDisposition, resourceView } from './resource-view';

const grants = (state: string) => grantsEntitlements(state as MembershipState);

/** The library as visitors and members see it, and downloads. */
@Injectable()
export class ResourcesService {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly files: ResourceFileRepository,
    private readonly tiers: TierRepository,
    private readonly downloads: ResourceDownloadStats,
  ) {}

  async library(viewer: SessionMember | undefined) {
    const names = await this.tierNames();
    const items = (await this.resources.listAll()).map((resource) => ({
      ...resourceView(resource, names),
      canDownload: downloadDecision(viewer, resource.tiers, grants).allowed,
    }));
    return {
      title: 'Resource library',
      description: 'Documents the council shares with its members: role definitions, research and tools.',
      groups: byCategory(items),
      visitor: !viewer,
    };
  }

  async resourcePage(id: string, viewer: SessionMember | undefined, refusal: string | null = null) {
    const resource = await this.getOrFail(id);
    const decision = downloadDecision(viewer, resource.tiers, grants);
    return {
      title: resource.title,
      description: resource.summary,
      resource: resourceView(resource, await this.tierNames()),
      canDownload: decision.allowed,
      prompt: decision.allowed ? null : decision.reason,
      refusal,
      visitor: !viewer,
    };
  }

  /** The stored bytes for an entitled reader (the download is counted first); anyone else gets the page with a 403. */
  async download(id: string, viewer: SessionMember | undefined): Promise<StreamableFile | PageAnswer> {
    const resource = await this.getOrFail(id);
    const decision = downloadDecision(viewer, resource.tiers, grants);
    if (!decision.allowed) {
      return PageAnswer.page(403, 'resources/resource', await this.resourcePage(id, viewer, REFUSALS[decision.reason]));
    }
    await this.downloads.record(String(resource._id), decision.tier);
    return fileDownload(this.files.open(resource.fileId), {
      type: resource.contentType,
      disposition: contentDisposition(resource.fileName),
      length: resource.size,
      what: `resource ${id}`,
    });
  }

  private async getOrFail(id: string): Promise<ResourceRecord> {
    const resource = await this.resources.findById(id);
    if (!resource) {
      throw new NotFoundError('There is no such document in the library.');
    }
    return resource;
  }

  private async tierNames(): Promise<Map<string, string>> {
    return new Map((await this.tiers.listAll()).map((tier) => [tier.slug, tier.name]));
  }
}
