import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertOnce } from '@roundtable/core';
import { RankingRequest, type SnapshotTrigger } from './ranking-snapshot.schema';

/** The only code that touches ranking_requests. */
@Injectable()
export class RankingRequestRepository {
  constructor(@InjectModel(RankingRequest.name) private readonly requests: Model<RankingRequest>) {}

  /** True when this call made the request (the first in its minute or for its close). */
  async insertOnce(id: string, surveyId: string, trigger: SnapshotTrigger, now = new Date()): Promise<boolean> {
    return (await insertOnce(this.requests, { _id: id, surveyId, trigger, createdAt: now })) !== null;
  }

  /**
   * A minute's request is only needed in its minute; FerretDB has no TTL index, so the job removes
   * them. Close requests stay (they name the close date, so a moved close date books anew).
   */
  async removeOlderThan(surveyId: string, before: Date): Promise<void> {
    await this.requests.deleteMany({ surveyId, trigger: { $ne: 'close' }, createdAt: { $lt: before } });
  }
}
