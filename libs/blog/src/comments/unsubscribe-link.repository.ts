import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertOnce } from '@roundtable/core';
import { BlogUnsubscribe, BlogUnsubscribeLink, UnsubscribeKind } from './unsubscribe-link.schema';

export type UnsubscribeLinkRecord = BlogUnsubscribeLink;

/** The only code that touches blog_unsubscribe_links and blog_unsubscribes (read by `_id` only). */
@Injectable()
export class UnsubscribeLinkRepository {
  constructor(
    @InjectModel(BlogUnsubscribeLink.name) private readonly links: Model<BlogUnsubscribeLink>,
    @InjectModel(BlogUnsubscribe.name) private readonly stops: Model<BlogUnsubscribe>,
  ) {}

  /** Stores a link by its token's hash; storing the same hash again (a retried backfill) changes nothing. */
  async create(hash: string, kind: UnsubscribeKind, targetId: string): Promise<void> {
    await insertOnce(this.links, { _id: hash, kind, targetId });
  }

  findByHash(hash: string): Promise<UnsubscribeLinkRecord | null> {
    return this.links.findById(hash).lean<UnsubscribeLinkRecord>();
  }

  /** Records that emails of `kind` about `targetId` stop; recording it again changes nothing. */
  async stop(kind: UnsubscribeKind, targetId: string): Promise<void> {
    await insertOnce(this.stops, { _id: `${kind}:${targetId}`, kind, targetId });
  }

  async isStopped(kind: UnsubscribeKind, targetId: string): Promise<boolean> {
    return (await this.stops.exists({ _id: `${kind}:${targetId}` })) !== null;
  }
}
