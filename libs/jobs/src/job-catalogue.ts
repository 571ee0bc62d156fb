/**
 * The job catalogue: every job type, the payload its handler takes, and how it is queued. The payload
 * is what the `jobs` collection stores, so its shape is a data contract between the process that
 * queues a job (often the API) and the worker that runs it, possibly of another release: plain JSON
 * values only, and a handler still checks what it cannot trust (a payload queued by an older release).
 *
 * `JobQueue.enqueue`, `JobRunner.register` and `RecurringJobs.define`/`ensure` take a type from here
 * and the payload it names, so the compiler refuses a payload of the wrong shape or a type nobody
 * catalogued, and a handler receives its payload typed (no cast). The worker refuses to start while a
 * catalogued type has no handler or a standing schedule is not defined (`JobLoop.open`).
 *
 * To add a job: its payload here, its kind in `JOB_KINDS`, its handler registered by its module.
 */

/** A job that needs nothing but its type (a sweep, a refresh). */
export type NoPayload = Record<string, never>;

/** One recipient of a survey send batch, carried in the job so the batch reads nothing per email. */
export interface BatchRecipient {
  /** `<surveyId>:<memberId>`. */
  invitationId: string;
  email: string;
  /** For the greeting. */
  name: string;
  /**
   * The invitation's segment values (`{ tier, revenue }`), written on the recipient's new link so that
   * a completion through it counts in its segments without reading the invitation. A batch queued by
   * an older release has none: its links fall back to that read.
   */
  segments?: Record<string, string>;
}

/**
 * A recipient in the one-letter shape (`i` the invitation id, `e` the email, `n` the name) that
 * batches queued by an older release still carry: a worker reads it, nothing writes it.
 */
export interface LetteredBatchRecipient {
  i: string;
  e: string;
  n: string;
}

/**
 * One batch of a survey's emails: `kind` is `invite`, `reminder:<round>` or `resend:<n>`. Its recipients
 * are either in the payload (a resend's one, and batches queued by an older release) or, for the
 * invitation and reminder pages, stored beside the job and named by `recipientsId`, because FerretDB v1
 * reads every queued job whole for each claim (see distribution's SendBatchRecipients).
 */
export interface SendBatchPayload {
  surveyId: string;
  kind: string;
  /** Written in words; read through `recipientsInWords`, which also takes the lettered shape. */
  recipients?: Array<BatchRecipient | LetteredBatchRecipient>;
  /** The `_id` of the batch's stored recipients (distribution's `send_batch_recipients`). */
  recipientsId?: string;
  /**
   * Queued by a run that resumed after a crash: this page may have been queued and sent before, so
   * the batch checks the delivery records first even on its first attempt.
   */
  recheck?: boolean;
}

/** One email as it waits in the queue; `from` is the council's address. */
export interface MailPayload {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  /** Extra headers such as `List-Unsubscribe`. */
  headers?: Record<string, string>;
  /**
   * `bulk` mail (invitations, reminders, newsletters) is not sent to a suppressed address (bounced
   * or opted out); other mail (sign-in links, receipts) is, since the person asked for it.
   */
  category?: 'bulk' | 'transactional';
}

/** Each job type and its payload. */
export interface JobPayloads {
  'mail.send': MailPayload;
  'survey.distribute': { surveyId: string };
  'survey.send-batch': SendBatchPayload;
  'survey.reminder-round': { surveyId: string; round: number };
  'survey.reminders': { surveyId: string };
  /** A reminder round to the non-responders of some segments (`values` of `dimension`, e.g. tier). */
  'survey.skew-round': { surveyId: string; round: number; dimension: string; values: string[] };
  /** "Send me a new link": the address as typed (lower-cased), the hash of the dead link's token if any. */
  'survey.link-request': { email: string; linkHash: string | null };
  'surveys.reconcile': NoPayload;
  'surveys.close-due': NoPayload;
  /** `trigger` is a snapshot trigger of the reporting lib (`completions`, `close`, `demand`). */
  'rankings.compute': { surveyId: string; trigger: string };
  /** A census snapshot: on `asOf` (staff's chosen date), or today's when null. */
  'census.compute': { asOf: string | null };
  /** Today's census again once a day, so its date (and who is in the role) moves with the calendar. */
  'census.daily': NoPayload;
  /** Roster import previews nobody confirmed, removed once they are a day old. */
  'roster.expire-imports': NoPayload;
  'billing.sweep': NoPayload;
  'billing.tier-changed': { slug: string };
  'blog.comment-digest': NoPayload;
  'admin.home': NoPayload;
  'admin.home.refresh': NoPayload;
  'jobs.prune-history': NoPayload;
}

export type JobType = keyof JobPayloads;
export type JobPayload<T extends JobType> = JobPayloads[T];

/**
 * How a job of each type comes to be queued:
 * - `queued`: by a feature when there is work (an email, a send batch, a computation);
 * - `standing`: a recurring schedule that always exists, one per deployment, booked by every worker
 *   at start (a unique insert, so many workers book one) and moved on to its next time after each run;
 * - `keyed`: a recurring schedule per record (one survey's reminders), booked by its feature.
 */
export type JobKind = 'queued' | 'standing' | 'keyed';

/** The catalogue at run time (the compiler keeps it to exactly the types of `JobPayloads`). */
export const JOB_KINDS: { readonly [T in JobType]: JobKind } = {
  'mail.send': 'queued',
  'survey.distribute': 'queued',
  'survey.send-batch': 'queued',
  'survey.reminder-round': 'queued',
  'survey.reminders': 'keyed',
  'survey.skew-round': 'queued',
  'survey.link-request': 'queued',
  'surveys.reconcile': 'standing',
  'surveys.close-due': 'standing',
  'rankings.compute': 'queued',
  'census.compute': 'queued',
  'census.daily': 'standing',
  'roster.expire-imports': 'standing',
  'billing.sweep': 'standing',
  'billing.tier-changed': 'queued',
  'blog.comment-digest': 'standing',
  'admin.home': 'standing',
  'admin.home.refresh': 'queued',
  'jobs.prune-history': 'standing',
};

/** Every catalogued type, for the start-up check. */
export const JOB_TYPES = Object.keys(JOB_KINDS) as JobType[];
