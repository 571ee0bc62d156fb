import { Injectable } from '@nestjs/common';
import type { SessionMember } from '@roundtable/auth';
import { FormOutcome, NotFoundError, type PageRequest } from '@roundtable/core';
import type { DigestChoiceDto } from './comment-settings.dto';
import { CommentDigestService } from './comment-digest.service';
import { CommentRepository } from './comment.repository';
import type { CommentStatus } from './comment.schema';
import { CommentsService } from './comments.service';
import { PostRepository } from '../posts/post.repository';

export const MODERATION_ACTIONS = ['approve', 'hide', 'spam', 'ban'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

const RECENT = 50;

/** Staff's side of comments: the queue of held comments, recent ones to take down, and the settings. */
@Injectable()
export class CommentModerationService {
  constructor(
    private readonly comments: CommentRepository,
    private readonly posts: PostRepository,
    private readonly commentsService: CommentsService,
    private readonly digests: CommentDigestService,
  ) {}

  /** Held comments (oldest first) and the latest approved ones, each with its post's title and address. */
  async moderationPage({ member }: PageRequest<SessionMember>) {
    const pending = await this.comments.listByStatus('pending');
    const recent = await this.comments.listByStatus('approved', RECENT, -1);
    const titles = await this.posts.findTitles([...new Set([...pending, ...recent].map((c) => c.postId))]);
    const byId = new Map(titles.map((post) => [String(post._id), post]));
    const view = (comment: (typeof pending)[number]) => ({
      id: String(comment._id),
      authorName: comment.authorName,
      guestEmail: comment.guestEmail,
      body: comment.body,
      date: comment.createdAt.toISOString().slice(0, 16).replace('T', ' '),
      post: byId.get(comment.postId) ?? null,
    });
    return {
      title: 'Comments',
      pending: pending.map(view),
      recent: recent.map(view),
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

  /** Approve, hide, mark as spam, or hide and ban the commenter; approving a held comment sends its emails. */
  async moderate(id: string, action: ModerationAction): Promise<void> {
    const comment = await this.comments.findById(id);
    if (!comment) {
      throw new NotFoundError('There is no such comment.');
    }
    if (action === 'ban') {
      await this.comments.ban({ memberId: comment.memberId, email: comment.guestEmail });
      await this.comments.setStatus(id, 'hidden');
      return;
    }
    const status: CommentStatus = action === 'approve' ? 'approved' : action === 'hide' ? 'hidden' : 'spam';
    const updated = await this.comments.setStatus(id, status);
    const post = updated && status === 'approved' ? await this.posts.findById(updated.postId) : null;
    if (updated && post) {
      await this.commentsService.notify(updated, post);
    }
  }
}
