import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import type { BatchRecipient } from '@roundtable/jobs';
import { SendBatchRecipients } from './batch-recipients.schema';

/** The only code that touches send_batch_recipients (see SendBatchRecipients). */
@Injectable()
export class BatchRecipientsRepository {
  constructor(@InjectModel(SendBatchRecipients.name) private readonly lists: Model<SendBatchRecipients>) {}

  /** Stores a batch's recipients under a new id (the batch job's id and an ObjectId) and returns it. */
  async store(jobId: string, recipients: BatchRecipient[]): Promise<string> {
    const _id = `${jobId}:${new Types.ObjectId().toHexString()}`;
    await this.lists.collection.insertOne({ _id, recipients, at: new Date() } as never);
    return _id;
  }

  /** A stored list's recipients, or null once its batch has sent them all and removed it. */
  async find(id: string): Promise<BatchRecipient[] | null> {
    const list = await this.lists.findById(id, { recipients: 1 }).lean<{ recipients: BatchRecipient[] }>();
    return list?.recipients ?? null;
  }

  async remove(id: string): Promise<void> {
    await this.lists.deleteOne({ _id: id });
  }
}
