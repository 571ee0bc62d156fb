import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { PageCache, upsertRacing } from '@roundtable/core';
import type { SitePageKey } from './default-pages';
import { SitePage } from './site-page.schema';

/** The only code that touches the site's pages; a save invalidates the public page cache. */
@Injectable()
export class SitePageRepository {
  constructor(
    @InjectModel(SitePage.name) private readonly pages: Model<SitePage>,
    private readonly pageCache: PageCache,
  ) {}

  find(key: SitePageKey): Promise<SitePage | null> {
    return this.pages.findById(key).lean<SitePage>();
  }

  async save(page: SitePage): Promise<void> {
    await upsertRacing(() => this.pages.replaceOne({ _id: page._id }, page, { upsert: true }));
    await this.pageCache.invalidate();
  }
}
