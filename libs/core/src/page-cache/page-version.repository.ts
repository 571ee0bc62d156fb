import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { PageVersion } from './page-version.schema';
import { upsertRacing } from '../database/insert-once';

const PUBLIC_PAGES = 'public-pages';

/** The only code that touches the page_versions collection. */
@Injectable()
export class PageVersionRepository {
  constructor(@InjectModel(PageVersion.name) private readonly versions: Model<PageVersion>) {}

  async current(): Promise<string | null> {
    const doc = await this.versions.findById(PUBLIC_PAGES).lean<PageVersion>();
    return doc?.version ?? null;
  }

  /**
   * A set, not an increment: concurrent `$inc`s lose updates on FerretDB v1, while any set leaves a
   * version different from the one before, which is all a reader needs.
   */
  async change(version: string): Promise<void> {
    await upsertRacing(() =>
      this.versions.updateOne({ _id: PUBLIC_PAGES }, { $set: { version, changedAt: new Date() } }, { upsert: true }),
    );
  }
}
