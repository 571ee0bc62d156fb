import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { SessionMember } from '@roundtable/auth';
import { TierRepository } from '@roundtable/billing';
import { formatBytes, FormOutcome, NotFoundError, type PageRequest, type ReceivedUpload } from '@roundtable/core';
import { createHash } from 'node:crypto';
import { ResourceDownloadStats } from '../downloads/resource-download-stats.service';
import { checkDocument } from '../files/document-type';
import { ResourceFileRepository } from '../files/resource-files.repository';
import { resourcesConfig } from '../resources.config';
import { type ResourceDto, resourceFieldsFrom, unknownTiers } from './resource.dto';
import { ResourceRepository } from './resource.repository';
import { resourceView } from './resource-view';

const LIBRARY = '/admin/resources';
const NO_SUCH_DOCUMENT = 'There is no such document in the library.';

/** Staff's side of the library: upload (checked by content before anything is stored), delete, figures. */
@Injectable()
export class ResourceAdmin {
  private readonly logger = new Logger(ResourceAdmin.name);

  constructor(
    @Inject(resourcesConfig.KEY) private readonly config: ConfigType<typeof resourcesConfig>,
    private readonly resources: ResourceRepository,
    private readonly files: ResourceFileRepository,
    private readonly tiers: TierRepository,
    private readonly stats: ResourceDownloadStats,
  ) {}

  /** The staff page: every resource with its downloads, and the empty upload form. */
  async page() {
    const tiers = await this.tiers.listAll();
    const names = new Map(tiers.map((tier) => [tier.slug, tier.name]));
    const resources = await this.resources.listAll();
    const downloads = new Map((await this.stats.byResourceAndTier()).map((row) => [row.resourceId, row]));
    return {
      title: 'Resource library',
      tiers: tiers.map((tier) => ({ slug: tier.slug, name: tier.name })),
      categories: [...new Set(resources.map((resource) => resource.category))],
      maxSize: formatBytes(this.config.maxUploadBytes),
      values: { tiers: [] },
      errors: {},
      resources: resources.map((resource) => ({
        ...resourceView(resource, names),
        downloads: downloads.get(String(resource._id)),
      })),
    };
  }

  /**
   * Stores an uploaded document and its description, or shows the form again with a message. The
   * bytes are checked (size, name, content) before anything is written, so a refused upload leaves
   * nothing behind.
   */
  async upload(form: ResourceDto, upload: ReceivedUpload | undefined, staff: SessionMember): Promise<FormOutcome> {
    const fields = resourceFieldsFrom(form);
    const errors: Record<string, string> = await this.tierErrors(form);
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
      return FormOutcome.invalid(fields, errors);
    }
    const fileId = await this.files.save(file.originalName, checked.contentType, file.bytes);
    try {
      await this.resources.create({
        ...fields,
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
    this.logger.log(`${staff.id} added “${fields.title}” (${checked.kind}, ${file.bytes.length} bytes)`);
    return FormOutcome.ok(LIBRARY, 'The document is in the library.');
  }

  /** The edit form of one resource's description and tiers (the file itself is replaced by a new upload). */
  async editPage(id: string) {
    const resource = await this.resources.findById(id);
    if (!resource) {
      throw new NotFoundError(NO_SUCH_DOCUMENT);
    }
    const tiers = await this.tiers.listAll();
    return {
      title: `Edit “${resource.title}”`,
      resource: resourceView(resource, new Map(tiers.map((tier) => [tier.slug, tier.name]))),
      tiers: tiers.map((tier) => ({ slug: tier.slug, name: tier.name })),
      values: {
        title: resource.title,
        summary: resource.summary,
        category: resource.category,
        tiers: resource.tiers,
      },
      errors: {},
    };
  }

  /** The edit page's model when the kit shows a refused form again (values and errors are the kit's). */
  editForm({ params }: PageRequest) {
    return this.editPage(params?.id ?? '');
  }

  /** Saves a resource's description and tiers. */
  async update(id: string, form: ResourceDto): Promise<FormOutcome> {
    const fields = resourceFieldsFrom(form);
    const errors = await this.tierErrors(form);
    if (Object.keys(errors).length > 0) {
      return FormOutcome.invalid(fields, errors);
    }
    if (!(await this.resources.update(id, fields))) {
      throw new NotFoundError(NO_SUCH_DOCUMENT);
    }
    return FormOutcome.ok(LIBRARY, 'The document’s description and tiers were saved.');
  }

  async delete(id: string): Promise<FormOutcome> {
    const removed = await this.resources.delete(id);
    if (!removed) {
      throw new NotFoundError(NO_SUCH_DOCUMENT);
    }
    await this.files.delete(removed.fileId);
    return FormOutcome.ok(LIBRARY, 'The document was deleted.');
  }

  /** Tiers are chosen among those that exist (one may have been deleted while the page was open). */
  private async tierErrors(form: ResourceDto): Promise<Record<string, string>> {
    const known = (await this.tiers.listAll()).map((tier) => tier.slug);
    return unknownTiers(form, known).length > 0 ? { tiers: 'Please choose among the tiers listed.' } : {};
  }
}
