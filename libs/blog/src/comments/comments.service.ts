import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { isEntitled, RateLimiter, type SessionMember } from '@roundtable/auth';
import { appConfig, BadRequestError, ForbiddenError, NotFoundError, ValidationError } from '@roundtable/core';
import { MailService, renderMail } from '@roundtable/mail';
import { MemberRepository } from '@roundtable/members';
import { CommentDigestRepository } from './comment-digest.repository';
import { CommentRecord, CommentRepository } from './comment.repository';
import type { CommentStatus } from './comment.schema';
import { cleanText } from './clean-text';
import { countLinks } from '../posts/markdown';
import { PostRecord, PostRepository } from '../posts/post.repository';
import { canRead, isPublished } from '../posts/visibility';

export const EDIT_WINDOW_MS = 15 * 60 * 1000;
const MAX_LINKS = 2;
const MAX_LENGTH = 5000;

/** A comment form to show again: the message, which form it was (a parent id, '' or `edit-<id>`) and its values. */
export interface CommentProblem {
  message: string;
  values: { target: string; body: string; name: string; email: string };
}

/** What is wrong with a comment's text, or null when it may be posted. */
export function commentTextProblem(text: string): string | null {
  if (!text || text.length > MAX_LENGTH) {
    return 'Please write a comment of up to 5,000 characters.';
  }
  if (countLinks(text) > MAX_LINKS) {
    return `A comment may carry at most ${MAX_LINKS} links.`;
  }
  return null;
}
const EMAIL = /^[^\s@<>()",;:]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,}$/;

/**
 * Comments: members with `comment` (and guests, when staff turn it on) write plain text, one level
 * of replies. Spam defences: a honeypot field, a rate limit, a link limit, and a guest's first
 * comment waits for approval. Approved comments email the post's author and the parent commenter.
 */
@Injectable()
export class CommentsService {
  constructor(
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly comments: CommentRepository,
    private readonly members: MemberRepository,
    private readonly mail: MailService,
    private readonly limiter: RateLimiter,
    private readonly digests: CommentDigestRepository,
    private readonly posts: PostRepository,
  ) {}

  /** The post a comment form was sent to; an unknown address is a 404. */
  async postBySlug(slug: string): Promise<PostRecord> {
    const post = await this.posts.findBySlug(slug);
    if (!post) {
      throw new NotFoundError('There is no post at this address.');
    }
    return post;
  }

  /** The slug of the post a comment belongs to (null if the post has gone), for the page to return to. */
  async postSlugOf(comment: CommentRecord): Promise<string | null> {
    const post = await this.posts.findById(comment.postId);
    return post?.slug ?? null;
  }

  /**
   * Adds a comment, or returns what is wrong with the input (with the values as typed) so the page
   * can show the form again. Who may comment, bots and floods are refused with an error.
   */
  async add(
    post: PostRecord,
    viewer: SessionMember | undefined,
    body: Record<string, unknown>,
    ip: string,
  ): Promise<{ comment: CommentRecord } | { problem: CommentProblem }> {
    if (typeof body.website === 'string' && body.website !== '') {
      throw new BadRequestError('This comment looks automated and was not posted.');
    }
    if (!isPublished(post)) {
      // Drafts and scheduled posts are not on the blog yet, so there is nothing to comment on.
      throw new NotFoundError('There is no post at this address.');
    }
    if (!canRead(post, viewer)) {
      throw new ForbiddenError('Only those who can read this post can comment on it.');
    }
    const settings = await this.comments.getSettings();
    const values = {
      target: typeof body.parentId === 'string' ? body.parentId : '',
      body: cleanText(body.body).slice(0, MAX_LENGTH + 1),
      // A name is one line (it goes into email subjects).
      name: cleanText(body.name).replace(/\s+/g, ' ').slice(0, 80),
      email: cleanText(body.email).toLowerCase().slice(0, 320),
    };
    let author: { memberId: string | null; name: string; guestEmail: string | null; status: CommentStatus };
    if (viewer) {
      if (!isEntitled(viewer, 'comment')) {
        throw new ForbiddenError(
          'Your membership does not include commenting. See your membership page to change your tier.',
        );
      }
      if (settings.bannedMemberIds.includes(viewer.id)) {
        throw new ForbiddenError('You can no longer comment on this blog.');
      }
      author = { memberId: viewer.id, name: viewer.name, guestEmail: null, status: 'approved' };
    } else {
      if (!settings.guestComments) {
        throw new ForbiddenError('Please sign in to comment.');
      }
      if (!values.name || !EMAIL.test(values.email)) {
        return {
          problem: {
            message: 'Please give your name and a valid email address (the address is never shown).',
            values,
          },
        };
      }
      if (settings.bannedEmails.includes(values.email)) {
        throw new ForbiddenError('You can no longer comment on this blog.');
      }
      const known = await this.comments.hasApprovedFromGuest(values.email);
      author = { memberId: null, name: values.name, guestEmail: values.email, status: known ? 'approved' : 'pending' };
    }
    const wrong = commentTextProblem(values.body);
    if (wrong) {
      return { problem: { message: wrong, values } };
    }
    const parent = await this.parentFor(post, body.parentId);
    await this.limiter.hit(
      `comment:${author.memberId ?? ip}`,
      5,
      10 * 60 * 1000,
      'You are commenting very fast. Please wait a few minutes.',
    );
    const comment = await this.comments.create({
      postId: String(post._id),
      parentId: parent ? String(parent._id) : null,
      memberId: author.memberId,
      authorName: author.name,
      guestEmail: author.guestEmail,
      body: values.body,
      status: author.status,
      notifyReplies:
        body.notifyReplies !== undefined ? body.notifyReplies === 'on' || body.notifyReplies === 'true' : true,
      unsubscribeToken: randomBytes(24).toString('base64url'),
    });
    if (comment.status === 'approved') {
      await this.notify(comment, post);
    }
    return { comment };
  }

  /** Changes one's own comment within the window, or returns what is wrong with the new text. */
  async edit(
    id: string,
    viewer: SessionMember,
    body: unknown,
  ): Promise<{ comment: CommentRecord; problem?: CommentProblem }> {
    const comment = await this.ownEditable(id, viewer);
    const text = cleanText(body).slice(0, MAX_LENGTH + 1);
    const wrong = commentTextProblem(text);
    if (wrong) {
      return {
        comment,
        problem: { message: wrong, values: { target: `edit-${id}`, body: text, name: '', email: '' } },
      };
    }
    await this.comments.updateBody(id, text);
    return { comment };
  }

  async remove(id: string, viewer: SessionMember): Promise<CommentRecord> {
    const comment = await this.ownEditable(id, viewer);
    await this.comments.delete(id);
    return comment;
  }

  private async ownEditable(id: string, viewer: SessionMember): Promise<CommentRecord> {
    const comment = await this.comments.findById(id);
    if (!comment || comment.memberId !== viewer.id) {
      throw new NotFoundError('There is no such comment of yours.');
    }
    if (Date.now() - comment.createdAt.getTime() > EDIT_WINDOW_MS) {
      throw new ForbiddenError('Comments can be edited or deleted for 15 minutes after posting.');
    }
    return comment;
  }

  private async parentFor(post: PostRecord, parentId: unknown): Promise<CommentRecord | null> {
    if (typeof parentId !== 'string' || parentId === '') {
      return null;
    }
    const parent = await this.comments.findById(parentId);
    if (!parent || parent.postId !== String(post._id) || parent.status !== 'approved') {
      throw new ValidationError('The comment you are replying to is not on this post.');
    }
    // One level of replies: a reply to a reply joins the same thread.
    return parent.parentId ? ((await this.comments.findById(parent.parentId)) ?? parent) : parent;
  }

  /** Emails the post's author and the parent commenter, once per comment, never the commenter themselves. */
  async notify(comment: CommentRecord, post: PostRecord): Promise<void> {
    if (!(await this.comments.claimNotification(comment._id))) {
      return;
    }
    const postUrl = `${this.app.baseUrl}/blog/${post.slug}#comment-${String(comment._id)}`;
    const sent = new Set<string>();
    const send = async (to: string, name: string, template: string, subject: string, unsubscribeUrl: string) => {
      if (sent.has(to)) {
        return;
      }
      sent.add(to);
      await this.mail.queue({
        to,
        subject,
        ...renderMail(template, {
          name,
          commenter: comment.authorName,
          title: post.title,
          body: comment.body,
          postUrl,
          unsubscribeUrl,
        }),
        headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>` },
      });
    };
    const commenterEmail = comment.memberId
      ? (await this.members.findById(comment.memberId))?.email
      : comment.guestEmail;
    if (commenterEmail) {
      sent.add(commenterEmail);
    }
    if (comment.parentId) {
      const parent = await this.comments.findById(comment.parentId);
      const parentEmail = parent?.memberId ? (await this.members.findById(parent.memberId))?.email : parent?.guestEmail;
      if (parent?.notifyReplies && parentEmail) {
        await send(
          parentEmail,
          parent.authorName,
          'blog/email/reply',
          `${comment.authorName} replied to your comment`,
          `${this.app.baseUrl}/blog/unsubscribe/comment/${parent.unsubscribeToken}`,
        );
      }
    }
    const author = post.notifyAuthor ? await this.members.findById(post.authorId) : null;
    // Staff who chose a comment digest get this comment in it, not in an email of its own.
    const staffAuthor = author?.role === 'staff' || author?.role === 'admin';
    const inDigest = staffAuthor && (await this.digests.findFor(String(author._id)));
    if (author && !inDigest) {
      await send(
        author.email,
        author.name,
        'blog/email/new-comment',
        `New comment on “${post.title}”`,
        `${this.app.baseUrl}/blog/unsubscribe/post/${post.unsubscribeToken}`,
      );
    }
  }
}
