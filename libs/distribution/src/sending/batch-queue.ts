import { Injectable } from '@nestjs/common';
import { JobQueue } from '@roundtable/jobs';
import { BatchRecipientsRepository } from '../delivery/batch-recipients.repository';
import { type BatchPayload, type BatchRecipient, SEND_BATCH_JOB } from './batch';

/**
 * Queues a page's send batch with its recipients stored beside the job (SendBatchRecipients), so the
 * `jobs` collection, which FerretDB v1 reads whole for every claim, holds only a few small fields per
 * batch. The list is stored first, so a job never names a list that is not there; a crash between the
 * two leaves a list nobody reads.
 */
@Injectable()
export class BatchQueue {
  constructor(
    private readonly queue: JobQueue,
    private readonly lists: BatchRecipientsRepository,
  ) {}

  /**
   * Queues the batch once under `jobId` (a page queued again adds nothing, as `enqueueOnce`); false if
   * it was queued already, and then the list stored for this call is removed again.
   */
  async queueOnce(
    jobId: string,
    batch: Omit<BatchPayload, 'recipients' | 'recipientsId'>,
    recipients: BatchRecipient[],
  ): Promise<boolean> {
    const recipientsId = await this.lists.store(jobId, recipients);
    const queued = await this.queue.enqueueOnce(jobId, SEND_BATCH_JOB, { ...batch, recipientsId }, { maxAttempts: 8 });
    if (!queued) {
      await this.lists.remove(recipientsId);
    }
    return queued;
  }
}
