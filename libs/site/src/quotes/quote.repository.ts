import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, Model, Types } from 'mongoose';
import { PageCache } from '@roundtable/core';
import type { QuoteValues } from './quote.dto';
import { Quote } from './quote.schema';

export type QuoteRecord = Quote & { _id: Types.ObjectId };

/** The only code that touches the quotes; every write invalidates the public page cache. */
@Injectable()
export class QuoteRepository {
  constructor(
    @InjectModel(Quote.name) private readonly quotes: Model<Quote>,
    private readonly pageCache: PageCache,
  ) {}

  /** Every quote in order (tens at most). */
  listAll(): Promise<QuoteRecord[]> {
    return this.quotes.find().sort({ position: 1, _id: 1 }).limit(500).lean<QuoteRecord[]>();
  }

  listShown(): Promise<QuoteRecord[]> {
    return this.quotes.find({ hidden: false }).sort({ position: 1, _id: 1 }).limit(50).lean<QuoteRecord[]>();
  }

  /** Adds a quote after the last one. */
  async add(values: QuoteValues): Promise<void> {
    const last = await this.quotes.findOne().sort({ position: -1 }).lean<QuoteRecord>();
    await this.quotes.create({ ...values, position: (last?.position ?? 0) + 1, hidden: false });
    await this.pageCache.invalidate();
  }

  async setHidden(id: string, hidden: boolean): Promise<boolean> {
    if (!isValidObjectId(id)) {
      return false;
    }
    const result = await this.quotes.updateOne({ _id: id }, { $set: { hidden } });
    await this.pageCache.invalidate();
    return result.matchedCount === 1;
  }

  /** Swaps the quote with its neighbour above (`up`) or below; false at either end or when not found. */
  async move(id: string, direction: 'up' | 'down'): Promise<boolean> {
    const all = await this.listAll();
    const at = all.findIndex((quote) => String(quote._id) === id);
    if (at < 0 || !all[direction === 'up' ? at - 1 : at + 1]) {
      return false;
    }
    // Positions are renumbered 1..n so that equal positions (from older data) cannot stall a move.
    const to = direction === 'up' ? at - 1 : at + 1;
    const order = all.map((quote) => quote._id);
    [order[at], order[to]] = [order[to], order[at]];
    for (const [index, quoteId] of order.entries()) {
      await this.quotes.updateOne({ _id: quoteId }, { $set: { position: index + 1 } });
    }
    await this.pageCache.invalidate();
    return true;
  }

  async delete(id: string): Promise<boolean> {
    if (!isValidObjectId(id)) {
      return false;
    }
    const result = await this.quotes.deleteOne({ _id: id });
    await this.pageCache.invalidate();
    return result.deletedCount === 1;
  }
}
