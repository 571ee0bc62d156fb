import { Injectable } from '@nestjs/common';
import { isEntitled, type SessionMember } from '@roundtable/auth';
import { formatDateTime, NotFoundError, type PageRequest } from '@roundtable/core';
import { BlogPages } from '../blog-pages.service';
import { commentView, EDIT_WINDOW_MS } from './comment-threads';
import { CommentRepository } from './comment.repository';
import { CommentsService } from './comments.service';
import { PostRepository } from '../posts/post.repository';

/** The pages of the comment forms: the post page (its comment form), a reply page, an edit page. */
@Injectable()
export class CommentPages {
  constructor(
    private readonly pages: BlogPages,
    private readonly comments: CommentsService,
    private readonly repository: CommentRepository,
    private readonly posts: PostRepository,
  ) {}

  /** The post page, for the comment form shown again with what was typed. */
  async postPage({ member, params }: PageRequest<SessionMember | undefined>) {
    const page = await this.pages.post(params?.slug ?? '', member);
    if ('statusCode' in page) {
      // A form posts to the post's current address; an old one has nothing to show the form on.
      throw new NotFoundError('There is no post at this address.');
    }
    return page;
  }

  /** A reply to one comment: the comment, then the form (or how to be allowed to reply). */
  async replyPage({ member, params }: PageRequest<SessionMember | undefined>) {
    const { post, parent } = await this.comments.replyTarget(params?.id ?? '');
    const settings = await this.repository.getSettings();
    return {
      title: `Reply to ${parent.authorName}`,
      noindex: true,
      post: { title: post.title, slug: post.slug },
      parent: commentView(parent, member?.id, new Date()),
      canComment: member ? isEntitled(member, 'comment') : settings.guestComments,
      commentAction: `/blog/comments/${String(parent._id)}/reply`,
    };
  }

  /** Editing one's own comment, within the window (its text, or the text as retyped). */
  async editPage({ member, params }: PageRequest<SessionMember>) {
    const comment = await this.comments.ownEditable(params?.id ?? '', member);
    const post = await this.posts.findById(comment.postId);
    return {
      title: 'Edit your comment',
      noindex: true,
      comment: { id: String(comment._id) },
      post: post ? { title: post.title, slug: post.slug } : null,
      until: formatDateTime(new Date(comment.createdAt.getTime() + EDIT_WINDOW_MS)),
      values: { body: comment.body },
    };
  }
}
