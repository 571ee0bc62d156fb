import type { BatchRecipient, JobType, LetteredBatchRecipient, SendBatchPayload } from '@roundtable/jobs';

import { type SegmentFields, segmentValues } from '../progress/segments';

export type { BatchRecipient };

/** An invitation as a batch's recipient: its id, address and greeting, and the segment values its link carries. */
export function recipientOf(invitation: SegmentFields & { _id: string; email: string; name: string }): BatchRecipient {
  return {
    invitationId: invitation._id,
    email: invitation.email,
    name: invitation.name,
    segments: segmentValues(invitation),
  };
}

/**
 * `invite`, `reminder:<round>`, `resend:<n>` (staff's: replaces the member's links) or `asked:<n>` (a
 * dead link's request: added beside them): names the email in its delivery record.
 */
export type BatchKind = string;

/** A send batch's payload (the job catalogue's shape). */
export type BatchPayload = SendBatchPayload;

/** A batch's recipients in words, whichever shape the batch was queued in. */
export function recipientsInWords(recipients: Array<BatchRecipient | LetteredBatchRecipient>): BatchRecipient[] {
  return recipients.map((recipient) =>
    'i' in recipient ? { invitationId: recipient.i, email: recipient.e, name: recipient.n } : recipient,
  );
}

/** Recipients per send job: one job per few hundred emails, as Ghost batches newsletters. */
export const BATCH_SIZE = 250;

/**
 * Emails a batch keeps in flight per pooled SMTP connection: each email waits for its delivery record
 * after the relay's answer (a database write), and the extra ones keep the connections busy meanwhile
 * (nodemailer's pool queues them; the rate limit still applies).
 */
export const IN_FLIGHT_PER_CONNECTION = 4;

export const SEND_BATCH_JOB = 'survey.send-batch' satisfies JobType;

/** The send batch job's id: derived from the round and the page, so re-queuing a page adds nothing. */
export function batchJobId(surveyId: string, kind: BatchKind, after: string): string {
  return `batch:${surveyId}:${kind}:${after}`;
}

/**
 * Runs `work` over the items with at most `limit` in flight, in order of start; stops starting new
 * ones after `work` throws, waits for those in flight, and rethrows the first error.
 */
export async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  const lane = async () => {
    while (failure === null && next < items.length) {
      const item = items[next];
      next += 1;
      try {
        await work(item);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failure !== null) {
    throw failure;
  }
}
