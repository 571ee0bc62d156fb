import { Injectable } from '@nestjs/common';
import { isEntitled, membershipRequired, RateLimiter, type SessionMember } from '@roundtable/auth';
import { BadRequestError, ForbiddenError, FormOutcome, NotFoundError } from '@roundtable/core';
import { cleanText } from './clean-text';
import { CommentNotifier } from './comment-notifier';
import { renderCommentMarkdown } from './comment-markdown';
import { EDIT_WINDOW_MS } from './comment-threads';
import { CommentRecord, CommentRepository } from './comment.repository';
import type { CommentStatus } from './comment.schema';
import { CommentDto, CommentEditDto, MAX_COMMENT_LENGTH } from './comment.dto';
import { countLinks } from '../posts/markdown';
import { PostRecord, PostRepository } from '../posts/post.repository';
import { canRead, isPublished } from '../posts/visibility';

const MAX_LINKS = 2;

/** What is wrong with a comment's text once cleaned, or null when it may be posted. */
export function commentTextProblem(text: string): string | null {
  if (!text || text.length > MAX_COMMENT_LENGTH) {
    return 'Please write a comment of up to 5,000 characters.';
  }
  if (countLinks(text) > MAX_LINKS) {
    return `A comment may carry at most ${MAX_LINKS} links.`;
  }
  return null;
}

/** The form's values to show it again with (what the DTO let through, as typed). */
function valuesOf(form: Partial<CommentDto>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(form)) {
    if (typeof value === 'string' && name !== 'website') {
      values[name] = value;
    }
  }
  return values;
}

/**
 * Writing comments: members with `comment` (and guests, when staff turn it on) write text with a
 * small Markdown subset (rendered and stored when saved), one level of replies. Spam defences: a
 * honeypot field, a rate limit, a link limit, and a guest's first comment waits for approval.
 * Every handler returns a `FormOutcome`; who may not comment at all, bots and floods get an error.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly comments: CommentRepository,
    private readonly posts: PostRepository,
    private readonly limiter: RateLimiter,
    private readonly notifier: CommentNotifier,
  ) {}

  /** A comment from the post page's form (a reply when it names `parentId`). */
  async add(slug: string, viewer: SessionMember | undefined, form: CommentDto, ip: string): Promise<FormOutcome> {
    const post = await this.posts.findBySlug(slug);
    if (!post) {
      throw new NotFoundError('There is no post at this address.');
    }
    const parent = form.parentId ? await this.parentOn(post, form.parentId) : null;
    if (form.parentId && !parent) {
      // Taken down while the reply was written: the text comes back, as a comment of its own.
      const values = { ...valuesOf(form), parentId: '' };
      return FormOutcome.invalid(values, {
        body: 'The comment you replied to is no longer here. Post yours as a comment?',
      });
    }
    return this.write(post, parent, viewer, form, ip);
  }

  /** A reply from the reply page of comment `id`. */
  async reply(id: string, viewer: SessionMember | undefined, form: CommentDto, ip: string): Promise<FormOutcome> {
    const { post, parent } = await this.replyTarget(id);
    return this.write(post, parent, viewer, { ...form, parentId: undefined }, ip);
  }

  /** The post and the comment a reply to comment `id` joins (one level: a reply to a reply joins its thread). */
  async replyTarget(id: string): Promise<{ post: PostRecord; parent: CommentRecord }> {
    const comment = await this.comments.findById(id);
    const post = comment ? await this.posts.findById(comment.postId) : null;
    if (!comment || !post || comment.status !== 'approved') {
      throw new NotFoundError('There is no such comment to reply to.');
    }
    const parent = await this.parentOn(post, id);
    if (!parent) {
      throw new NotFoundError('There is no such comment to reply to.');
    }
    return { post, parent };
  }

  /** Changes one's own comment within the window. */
  async edit(id: string, viewer: SessionMember, form: CommentEditDto): Promise<FormOutcome> {
    const comment = await this.ownEditable(id, viewer);
    const body = cleanText(form.body);
    const wrong = commentTextProblem(body);
    if (wrong) {
      return FormOutcome.invalid({ body: form.body }, { body: wrong });
    }
    await this.comments.updateBody(id, body, renderCommentMarkdown(body));
    return FormOutcome.ok(`${await this.postAddress(comment)}#comment-${id}`, 'Your comment is saved.');
  }

  /** Deletes one's own comment within the window. */
  async remove(id: string, viewer: SessionMember): Promise<FormOutcome> {
    const comment = await this.ownEditable(id, viewer);
    await this.comments.delete(id);
    return FormOutcome.ok(`${await this.postAddress(comment)}#comments`, 'Your comment is deleted.');
  }

  /** One's own comment while it may still be changed; anyone else's is not found. */
  async ownEditable(id: string, viewer: SessionMember): Promise<CommentRecord> {
    const comment = await this.comments.findById(id);
    if (!comment || comment.memberId !== viewer.id) {
      throw new NotFoundError('There is no such comment of yours.');
    }
    if (Date.now() - comment.createdAt.getTime() > EDIT_WINDOW_MS) {
      throw new ForbiddenError('Comments can be edited or deleted for 15 minutes after posting.');
    }
    return comment;
  }

  private async write(
    post: PostRecord,
    parent: CommentRecord | null,
    viewer: SessionMember | undefined,
    form: CommentDto,
    ip: string,
  ): Promise<FormOutcome> {
    if (form.website) {
      throw new BadRequestError('This comment looks automated and was not posted.');
    }
    if (!isPublished(post)) {
      // Drafts and scheduled posts are not on the blog yet, so there is nothing to comment on.
      throw new NotFoundError('There is no post at this address.');
    }
    if (!canRead(post, viewer)) {
      throw new ForbiddenError('Only those who can read this post can comment on it.');
    }
    const author = await this.author(viewer, form);
    if ('errors' in author) {
      return FormOutcome.invalid(valuesOf(form), author.errors);
    }
    const body = cleanText(form.body);
    const wrong = commentTextProblem(body);
    if (wrong) {
      return FormOutcome.invalid(valuesOf(form), { body: wrong });
    }
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
      body,
      bodyHtml: renderCommentMarkdown(body),
      status: author.status,
      // The box is ticked by default; a form sent without it means it was cleared.
      notifyReplies: form.notifyReplies !== undefined,
    });
    if (comment.status === 'approved') {
      await this.notifier.notify(comment, post);
    }
    const held = comment.status === 'pending' ? '?comment=pending' : '';
    return FormOutcome.ok(`/blog/${post.slug}${held}#comment-${String(comment._id)}`);
  }

  /** Who is writing: a member entitled to comment, or a guest (when allowed) with a name and an address. */
  private async author(
    viewer: SessionMember | undefined,
    form: CommentDto,
  ): Promise<
    | { memberId: string | null; name: string; guestEmail: string | null; status: CommentStatus }
    | { errors: Record<string, string> }
  > {
    const settings = await this.comments.getSettings();
    if (viewer) {
      if (!isEntitled(viewer, 'comment')) {
        throw membershipRequired(
          'Your membership does not include commenting. See the tiers that do on the membership page.',
        );
      }
      if (settings.bannedMemberIds.includes(viewer.id)) {
        throw new ForbiddenError('You can no longer comment on this blog.');
      }
      return { memberId: viewer.id, name: viewer.name, guestEmail: null, status: 'approved' };
    }
    if (!settings.guestComments) {
      throw new ForbiddenError('Please sign in to comment.');
    }
    // A name is one line (it goes into email subjects).
    const name = cleanText(form.name).replace(/\s+/g, ' ');
    const email = cleanText(form.email).toLowerCase();
    const errors: Record<string, string> = {};
    if (!name) {
      errors.name = 'Please give your name (it is shown with your comment).';
    }
    if (!email) {
      errors.email = 'Please give your email address (it is never shown).';
    }
    if (Object.keys(errors).length > 0) {
      return { errors };
    }
    if (settings.bannedEmails.includes(email)) {
      throw new ForbiddenError('You can no longer comment on this blog.');
    }
    const known = await this.comments.hasApprovedFromGuest(email);
    return { memberId: null, name, guestEmail: email, status: known ? 'approved' : 'pending' };
  }

  /** The comment a reply hangs under: an approved comment on this post, or its thread's first comment. */
  private async parentOn(post: PostRecord, parentId: string): Promise<CommentRecord | null> {
    const parent = await this.comments.findById(parentId);
    if (!parent || parent.postId !== String(post._id) || parent.status !== 'approved') {
      return null;
    }
    return parent.parentId ? ((await this.comments.findById(parent.parentId)) ?? parent) : parent;
  }

  private async postAddress(comment: CommentRecord): Promise<string> {
    const post = await this.posts.findById(comment.postId);
    return post ? `/blog/${post.slug}` : '/';
  }
}
