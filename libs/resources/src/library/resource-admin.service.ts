import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { SessionMember } from '@roundtable/auth';
import { TierRepository } from '@roundtable/billing';
import { NotFoundError } from '@roundtable/core';
import { createHash } from 'node:crypto';
import { DownloadCountRepository } from '../downloads/download-count.repository';
import { ResourceDownloadStats } from '../downloads/resource-download-stats.service';
import { checkDocument, formatBytes } from '../files/document-type';
import { ResourceFileRepository } from '../files/resource-files.repository';
import type { ReceivedUpload } from '../files/upload.interceptor';
import { resourcesConfig } from '../resources.config';
import { ResourceFormErrors, ResourceFormValues, validateResourceForm } from './resource-form';
import { ResourceRepository } from './resource.repository';
import { resourceView } from './resource-view';

const EMPTY: ResourceFormValues = { title: '', summary: '', category: '', tiers: [] };

/** Staff's side of the library: upload (checked by content before anything is stored), delete, figures. */
@Injectable()
export class ResourceAdmin {
  private readonly logger = new Logger(ResourceAdmin.name);

  constructor(
    @Inject(resourcesConfig.KEY) private readonly config: ConfigType<typeof resourcesConfig>,
    private readonly resources: ResourceRepository,
    private readonly files: ResourceFileRepository,
    private readonly counts: DownloadCountRepository,
    private readonly tiers: TierRepository,
    private readonly stats: ResourceDownloadStats,
  ) {}

  /** The staff page: the upload form (as typed, with its errors) and every resource with its downloads. */
  async page(values: ResourceFormValues = EMPTY, errors: ResourceFormErrors = {}, notice: string | null = null) {
    const tiers = await this.tiers.listAll();
    const names = new Map(tiers.map((tier) => [tier.slug, tier.name]));
    const resources = await this.resources.listAll();
    const downloads = new Map((await this.stats.byResourceAndTier()).map((row) => [row.resourceId, row]));
    return {
      title: 'Resource library',
      tiers: tiers.map((tier) => ({ slug: tier.slug, name: tier.name })),
      categories: [...new Set(resources.map((resource) => resource.category))],
      maxSize: formatBytes(this.config.maxUploadBytes),
      values,
      errors,
      notice,
      resources: resources.map((resource) => ({
        ...resourceView(resource, names),
        downloads: downloads.get(String(resource._id)),
      })),
    };
  }

  /**
   * Stores an uploaded document and its description, or returns the form's values and errors.
   * The bytes are checked (size, name, content) before anything is written, so a refused upload
   * leaves nothing behind.
   */
  async upload(
    body: Record<string, unknown>,
    upload: ReceivedUpload | undefined,
    staff: SessionMember,
  ): Promise<{ values: ResourceFormValues; errors: ResourceFormErrors } | null> {
    const knownTiers = (await this.tiers.listAll()).map((tier) => tier.slug);
    const { values, errors } = validateResourceForm(body, knownTiers);
    const file = upload?.file;
    const checked =
      file && !upload?.problem ? checkDocument(file.originalName, file.bytes, this.config.maxUploadBytes) : null;
    if (upload?.problem) {
      errors.file = upload.problem;
    } else if (!file) {
      errors.file = 'Please choose a file to upload.';
    } else if (checked && !checked.ok) {
      errors.file = checked.message;
    }
    if (Object.keys(errors).length > 0 || !file || !checked?.ok) {
      return { values, errors };
    }
    const fileId = await this.files.save(file.originalName, checked.contentType, file.bytes);
    try {
      await this.resources.create({
        ...values,
        fileId,
        fileName: file.originalName,
        kind: checked.kind,
        contentType: checked.contentType,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        uploadedBy: staff.id,
      });
    } catch (error) {
      // No record, no orphaned bytes.
      await this.files.delete(fileId);
      throw error;
    }
    this.logger.log(`${staff.id} added “${values.title}” (${checked.kind}, ${file.bytes.length} bytes)`);
    return null;
  }

  /** The edit form of one resource's description and tiers (the file itself is replaced by a new upload). */
  async editPage(id: string, values?: ResourceFormValues, errors: ResourceFormErrors = {}) {
    const resource = await this.resources.findById(id);
    if (!resource) {
      throw new NotFoundError('There is no such document in the library.');
    }
    const tiers = await this.tiers.listAll();
    return {
      title: `Edit “${resource.title}”`,
      resource: resourceView(resource, new Map(tiers.map((tier) => [tier.slug, tier.name]))),
      tiers: tiers.map((tier) => ({ slug: tier.slug, name: tier.name })),
      values: values ?? {
        title: resource.title,
        summary: resource.summary,
        category: resource.category,
        tiers: resource.tiers,
      },
      errors,
    };
  }

  /** Saves a resource's description and tiers, or returns the form's values and errors. */
  async update(id: string, body: Record<string, unknown>) {
    const knownTiers = (await this.tiers.listAll()).map((tier) => tier.slug);
    const { values, errors } = validateResourceForm(body, knownTiers);
    if (Object.keys(errors).length > 0) {
      return { values, errors };
    }
    if (!(await this.resources.update(id, values))) {
      throw new NotFoundError('There is no such document in the library.');
    }
    return null;
  }

  async delete(id: string): Promise<void> {
    const removed = await this.resources.delete(id);
    if (!removed) {
      throw new NotFoundError('There is no such document in the library.');
    }
    await this.files.delete(removed.fileId);
    await this.counts.deleteForResource(id);
  }
}
