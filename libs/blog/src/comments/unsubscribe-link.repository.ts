import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertOnce } from '@roundtable/core';
import { UnsubscribeKind, BlogUnsubscribeLink } from './unsubscribe-link.schema';

export type UnsubscribeLinkRecord = BlogUnsubscribeLink;

/** The only code that touches blog_unsubscribe_links (read by `_id` only). */
@Injectable()
export class UnsubscribeLinkRepository {
  constructor(@InjectModel(BlogUnsubscribeLink.name) private readonly links: Model<BlogUnsubscribeLink>) {}

  /** Stores a link by its token's hash; storing the same hash again (a retried backfill) changes nothing. */
  async create(hash: string, kind: UnsubscribeKind, targetId: string): Promise<void> {
    await insertOnce(this.links, { _id: hash, kind, targetId });
  }

  findByHash(hash: string): Promise<UnsubscribeLinkRecord | null> {
    return this.links.findById(hash).lean<UnsubscribeLinkRecord>();
  }
}
