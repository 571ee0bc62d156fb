import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CommentDigest, DigestFrequency } from './comment-digest.schema';
import { upsertRacing } from '@roundtable/core';

export type CommentDigestRecord = CommentDigest;

/** The only code that touches the comment_digests collection (one small document per subscribed staff member). */
@Injectable()
export class CommentDigestRepository {
  constructor(@InjectModel(CommentDigest.name) private readonly digests: Model<CommentDigest>) {}

  findFor(memberId: string): Promise<CommentDigestRecord | null> {
    return this.digests.findById(memberId).lean<CommentDigestRecord>();
  }

  /** Every subscription: staff only, so a handful of documents. */
  listAll(): Promise<CommentDigestRecord[]> {
    return this.digests.find().limit(1000).lean<CommentDigestRecord[]>();
  }

  /** Subscribes (from now on: earlier comments are not news) or changes the frequency; null unsubscribes. */
  async choose(memberId: string, frequency: DigestFrequency | null, now: Date): Promise<void> {
    if (!frequency) {
      await this.digests.deleteOne({ _id: memberId });
      return;
    }
    await upsertRacing(() =>
      this.digests.updateOne(
        { _id: memberId },
        { $set: { frequency }, $setOnInsert: { coveredUntil: now } },
        { upsert: true },
      ),
    );
  }

  /** Moves a subscription's window on after its digest went out (only this job writes it). */
  async markCovered(memberId: string, until: Date): Promise<void> {
    await this.digests.updateOne({ _id: memberId }, { $set: { coveredUntil: until } });
  }
}
