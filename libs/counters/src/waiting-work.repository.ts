import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { insertOnce } from '@roundtable/core';
import { Model } from 'mongoose';
import { WaitingItem } from './waiting-item.schema';

/** The kinds of work that wait for staff and are counted on the staff home. */
export type WaitingKind = 'application' | 'comment';

/**
 * What waits for staff, counted on every view of the staff home (current, unlike the worker's
 * five-minute figures): the write that makes a thing wait adds it, the write that deals with it
 * removes it. Inserts and deletes only, each with one winner on FerretDB too (docs/storage.md).
 * A crash between the two writes leaves the list off by one until the worker's refresh reconciles it
 * from the source of truth (`reconcile`).
 */
@Injectable()
export class WaitingWorkRepository {
  constructor(@InjectModel(WaitingItem.name) private readonly items: Model<WaitingItem>) {}

  async add(kind: WaitingKind, itemId: string, since = new Date()): Promise<void> {
    await insertOnce(this.items, { _id: `${kind}:${itemId}`, kind, itemId, since });
  }

  async remove(kind: WaitingKind, itemId: string): Promise<void> {
    await this.items.deleteOne({ _id: `${kind}:${itemId}` });
  }

  /** How many of a kind wait now (a count over a collection that holds only waiting work). */
  count(kind: WaitingKind): Promise<number> {
    return this.items.countDocuments({ kind });
  }

  /** Makes the list of a kind equal what the source of truth says waits (the worker's refresh). */
  async reconcile(kind: WaitingKind, waiting: readonly string[]): Promise<void> {
    const listed = await this.items.find({ kind }, { itemId: 1 }).lean<Array<{ itemId: string }>>();
    const should = new Set(waiting);
    for (const { itemId } of listed) {
      if (!should.has(itemId)) {
        await this.remove(kind, itemId);
      }
    }
    const has = new Set(listed.map((item) => item.itemId));
    for (const itemId of waiting) {
      if (!has.has(itemId)) {
        await this.add(kind, itemId);
      }
    }
  }
}
