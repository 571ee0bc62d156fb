import { Injectable } from '@nestjs/common';
import type { SessionMember } from '@roundtable/auth';
import { grantsEntitlements, type MembershipState, TierRepository } from '@roundtable/billing';
import { NotFoundError } from '@roundtable/core';
import type { Readable } from 'node:stream';
import { ResourceDownloadStats } from '../downloads/resource-download-stats.service';
import { ResourceFileRepository } from '../files/resource-files.repository';
import { downloadDecision, REFUSALS } from './access';
import { ResourceRecord, ResourceRepository } from './resource.repository';
import { byCategory, contentDisposition, resourceView } from './resource-view';

const grants = (state: string) => grantsEntitlements(state as MembershipState);

export type DownloadOutcome =
  | { allowed: true; stream: Readable; headers: Record<string, string> }
  | { allowed: false; page: Record<string, unknown> };

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

  /** The bytes and headers for an entitled reader (the download is counted first), or the refusal page. */
  async download(id: string, viewer: SessionMember | undefined): Promise<DownloadOutcome> {
    const resource = await this.getOrFail(id);
    const decision = downloadDecision(viewer, resource.tiers, grants);
    if (!decision.allowed) {
      return { allowed: false, page: await this.resourcePage(id, viewer, REFUSALS[decision.reason]) };
    }
    await this.downloads.record(String(resource._id), decision.tier);
    return {
      allowed: true,
      stream: this.files.open(resource.fileId),
      headers: {
        'Content-Type': resource.contentType,
        'Content-Length': String(resource.size),
        'Content-Disposition': contentDisposition(resource.fileName),
        // Members-only bytes: not kept by shared caches.
        'Cache-Control': 'private, no-store',
      },
    };
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
