import { Injectable } from '@nestjs/common';
import type { SessionMember } from '@roundtable/auth';
import {
  BadRequestError,
  FormOutcome,
  keysetPage,
  keysetPlan,
  NotFoundError,
  pageLinks,
  type PageRequest,
  type ParsedQuery,
  type SortKey,
  formatDateTime,
} from '@roundtable/core';
import type { DigestChoiceDto } from './comment-settings.dto';
import { CommentDigestService } from './comment-digest.service';
import { renderCommentMarkdown } from './comment-markdown';
import { CommentRecord, CommentRepository } from './comment.repository';
import type { CommentStatus } from './comment.schema';
import { CommentsQuery } from './comments-query.dto';
import { CommentNotifier } from './comment-notifier';
import { PostRepository } from '../posts/post.repository';

/** What takes a comment down, each asked for on a confirmation page: the page's wording for each. */
const TAKE_DOWNS = {
  hide: {
    heading: 'Hide this comment?',
    consequence: 'The comment disappears from the post. Its writer can still comment.',
    button: 'Hide the comment',
    flash: 'The comment is hidden.',
  },
  spam: {
    heading: 'Mark this comment as spam?',
    consequence: 'The comment disappears from the post and is kept as spam. Its writer can still comment.',
    button: 'Mark as spam',
    flash: 'The comment is marked as spam.',
  },
  ban: {
    heading: 'Hide this comment and ban its writer?',
    consequence: 'The comment disappears from the post, and its writer can no longer comment on the blog.',
    button: 'Hide and ban the writer',
    flash: 'The comment is hidden and its writer banned.',
  },
} as const;
export type TakeDown = keyof typeof TAKE_DOWNS;
export const TAKE_DOWN_ACTIONS = Object.keys(TAKE_DOWNS) as TakeDown[];

function takeDownOf(action: string | undefined): TakeDown {
  if (!action || !(TAKE_DOWN_ACTIONS as string[]).includes(action)) {
    throw new BadRequestError('Choose approve, hide, spam or ban.');
  }
  return action as TakeDown;
}

const RECENT = 50;

/** The waiting queue oldest first (fair to writers); every other state newest first. Ties by `_id`. */
const OLDEST_FIRST: SortKey[] = [
  { field: 'createdAt', direction: 1 },
  { field: '_id', direction: 1 },
];
const NEWEST_FIRST: SortKey[] = [
  { field: 'createdAt', direction: -1 },
  { field: '_id', direction: -1 },
];
const STATUS_CHOICES: Array<{ value: CommentStatus; label: string }> = [
  { value: 'pending', label: 'Waiting for approval' },
  { value: 'approved', label: 'Published' },
  { value: 'hidden', label: 'Hidden' },
  { value: 'spam', label: 'Spam' },
];

/** Staff's side of comments: the queue of held comments, recent ones to take down, and the settings. */
@Injectable()
export class CommentModerationService {
  constructor(
    private readonly comments: CommentRepository,
    private readonly posts: PostRepository,
    private readonly notifier: CommentNotifier,
    private readonly digests: CommentDigestService,
  ) {}

  /**
   * The moderation list: a page of comments in one state (waiting unless the query names another),
   * each with its post's title and address; on the waiting list also the latest published ones, to
   * take down. A refused settings form (no query) shows the first page of the waiting list.
   */
  async moderationPage({ member, query }: PageRequest<SessionMember> & { query?: ParsedQuery<CommentsQuery> }) {
    const { value, ignored } = query ?? { value: new CommentsQuery(), ignored: {} };
    const status = value.status ?? 'pending';
    const plan = keysetPlan(status === 'pending' ? OLDEST_FIRST : NEWEST_FIRST, value);
    const page = keysetPage(await this.comments.listPageByStatus(status, plan), plan);
    const recent = status === 'pending' ? await this.comments.listByStatus('approved', RECENT, -1) : [];
    const titles = await this.posts.findTitles([...new Set([...page.rows, ...recent].map((c) => c.postId))]);
    const byId = new Map(titles.map((post) => [String(post._id), post]));
    const view = (comment: CommentRecord) => ({
      id: String(comment._id),
      authorName: comment.authorName,
      guestEmail: comment.guestEmail,
      // As members see it on the post: the sanitised Markdown, not its source.
      bodyHtml: comment.bodyHtml ?? renderCommentMarkdown(comment.body),
      date: formatDateTime(comment.createdAt),
      post: byId.get(comment.postId) ?? null,
    });
    const filters = { status: value.status, size: value.size };
    return {
      title: 'Comments',
      status,
      statuses: STATUS_CHOICES,
      comments: page.rows.map(view),
      recent: recent.map(view),
      ignored,
      links: pageLinks('/admin/comments', filters, page),
      settings: await this.comments.getSettings(),
      digest: await this.digests.choiceOf(member.id),
    };
  }

  /** Whether visitors who are not signed in may comment (their first comment waits for approval). */
  async setGuestComments(allowed: boolean): Promise<FormOutcome> {
    await this.comments.setGuestComments(allowed);
    return FormOutcome.ok('/admin/comments');
  }

  /** A staff member's choice of comment digest ('hourly', 'daily' or 'off'). */
  async chooseDigest(staffId: string, frequency: DigestChoiceDto['frequency']): Promise<FormOutcome> {
    await this.digests.choose(staffId, frequency);
    return FormOutcome.ok('/admin/comments');
  }

  /** The confirmation page of a take-down: the comment, who wrote it, and what will happen. */
  async confirmPage({ params }: PageRequest<SessionMember>) {
    const action = takeDownOf(params?.action);
    const comment = await this.found(params?.id ?? '');
    const post = await this.posts.findById(comment.postId);
    // Not the flash: a model's `flash` is what the layout shows as done.
    const { heading, consequence, button } = TAKE_DOWNS[action];
    return {
      title: heading,
      heading,
      consequence,
      button,
      action,
      comment: {
        id: String(comment._id),
        authorName: comment.authorName,
        // Who a ban applies to: a guest is banned by address, a member by account.
        writer: comment.memberId
          ? `${comment.authorName} (a member)`
          : `${comment.authorName} <${comment.guestEmail ?? ''}>`,
        bodyHtml: comment.bodyHtml ?? renderCommentMarkdown(comment.body),
        date: formatDateTime(comment.createdAt),
        post: post ? { title: post.title, slug: post.slug } : null,
      },
    };
  }

  /** Publishes a held comment and sends the emails it was waiting for. */
  async approve(id: string): Promise<FormOutcome> {
    await this.found(id);
    const updated = await this.comments.setStatus(id, 'approved');
    const post = updated ? await this.posts.findById(updated.postId) : null;
    if (updated && post) {
      await this.notifier.notify(updated, post);
    }
    return FormOutcome.ok('/admin/comments', 'The comment is published.');
  }

  /** Hides a comment, marks it as spam, or hides it and bans its writer (confirmed by the DTO's tick). */
  async takeDown(id: string, action: string): Promise<FormOutcome> {
    const takeDown = takeDownOf(action);
    const comment = await this.found(id);
    if (takeDown === 'ban') {
      await this.comments.ban({ memberId: comment.memberId, email: comment.guestEmail });
    }
    await this.comments.setStatus(id, takeDown === 'spam' ? 'spam' : 'hidden');
    return FormOutcome.ok('/admin/comments', TAKE_DOWNS[takeDown].flash);
  }

  private async found(id: string): Promise<CommentRecord> {
    const comment = await this.comments.findById(id);
    if (!comment) {
      throw new NotFoundError('There is no such comment.');
    }
    return comment;
  }
}
