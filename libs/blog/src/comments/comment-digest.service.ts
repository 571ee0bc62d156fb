import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { isStaff } from '@roundtable/auth';
import { appConfig, ValidationError } from '@roundtable/core';
import { RecurringJobs, type JobType } from '@roundtable/jobs';
import { MailService, renderMail } from '@roundtable/mail';
import { MemberRepository } from '@roundtable/members';
import { PostRepository } from '../posts/post.repository';
import { CommentDigestRepository } from './comment-digest.repository';
import { DIGEST_FREQUENCIES, type DigestFrequency } from './comment-digest.schema';
import { CommentRepository } from './comment.repository';
import { digestItems } from './comment-digest';

export const COMMENT_DIGEST_JOB = 'blog.comment-digest' satisfies JobType;
const HOUR_MS = 60 * 60 * 1000;
/** A window this long is due; five minutes short of the period, so a run a little early does not skip it. */
const DUE_AFTER_MS: Record<DigestFrequency, number> = {
  hourly: HOUR_MS - 5 * 60_000,
  daily: 24 * HOUR_MS - 5 * 60_000,
};
/** Comments read per run; a busier hour still gets one email, which says how many more wait. */
const MAX_COMMENTS = 500;

/**
 * Staff get new comments as a digest (hourly or daily, each their own choice) instead of one email
 * per comment. A recurring job of the shared queue runs hourly in the worker; each run sends each
 * due subscriber one email listing the comments written since their last digest, and moves their
 * window on.
 */
@Injectable()
export class CommentDigestService {
  constructor(
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly digests: CommentDigestRepository,
    private readonly comments: CommentRepository,
    private readonly posts: PostRepository,
    private readonly members: MemberRepository,
    private readonly mail: MailService,
  ) {}

  /** The staff member's current choice ('' for none), for the form. */
  async choiceOf(memberId: string): Promise<DigestFrequency | ''> {
    return (await this.digests.findFor(memberId))?.frequency ?? '';
  }

  /** Sets a staff member's choice: 'hourly', 'daily', or 'off'. */
  async choose(memberId: string, value: unknown, now = new Date()): Promise<void> {
    if (value === 'off' || value === '') {
      return this.digests.choose(memberId, null, now);
    }
    if (!(DIGEST_FREQUENCIES as readonly unknown[]).includes(value)) {
      throw new ValidationError('Choose how often to get new comments by email: every hour, once a day, or never.');
    }
    return this.digests.choose(memberId, value as DigestFrequency, now);
  }

  /** Sends the digests due at `now`; returns how many emails were queued. */
  async sendDue(now: Date): Promise<number> {
    const due = (await this.digests.listAll()).filter(
      (digest) => now.getTime() - digest.coveredUntil.getTime() >= DUE_AFTER_MS[digest.frequency],
    );
    if (due.length === 0) {
      return 0;
    }
    const earliest = new Date(Math.min(...due.map((digest) => digest.coveredUntil.getTime())));
    const written = await this.comments.listWrittenBetween(earliest, now, MAX_COMMENTS);
    const titles = await this.posts.findTitles([...new Set(written.map((comment) => comment.postId))]);
    let sent = 0;
    for (const digest of due) {
      const member = await this.members.findById(digest._id);
      if (!member || !isStaff(member)) {
        // No longer staff: no more digests.
        await this.digests.choose(digest._id, null, now);
        continue;
      }
      const items = digestItems(written, titles, { after: digest.coveredUntil, exceptMemberId: digest._id });
      // The window moves on first: a crash between the two loses one digest rather than sending it twice.
      await this.digests.markCovered(digest._id, now);
      if (items.all.length === 0) {
        continue;
      }
      const count = items.all.length;
      const subject = `${count} new comment${count === 1 ? '' : 's'} on the council blog`;
      await this.mail.queue({
        to: member.email,
        subject,
        ...renderMail('blog/email/comment-digest', {
          subject,
          name: member.name,
          comments: items.shown.map((item) => ({ ...item, url: `${this.app.baseUrl}${item.path}` })),
          more: count - items.shown.length,
          pending: items.pending,
          frequency: digest.frequency,
          moderationUrl: `${this.app.baseUrl}/admin/comments`,
        }),
      });
      sent += 1;
    }
    return sent;
  }
}

/** The digest's hourly run, defined in the worker only (the API app sets choices, the worker sends). */
@Injectable()
export class CommentDigestJob implements OnModuleInit {
  constructor(
    private readonly digests: CommentDigestService,
    private readonly recurring: RecurringJobs,
  ) {}

  onModuleInit(): void {
    this.recurring.define(COMMENT_DIGEST_JOB, { everyMs: HOUR_MS }, async () => {
      await this.digests.sendDue(new Date());
    });
  }
}
