import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { isStaff } from '@roundtable/auth';
import { appConfig } from '@roundtable/core';
import { MailService, renderMail } from '@roundtable/mail';
import { MemberRepository } from '@roundtable/members';
import { CommentDigestRepository } from './comment-digest.repository';
import { CommentRecord, CommentRepository } from './comment.repository';
import { UnsubscribeLinks } from './unsubscribe-links.service';
import { PostRecord } from '../posts/post.repository';

/**
 * The emails an approved comment sends: to the post's author (unless they take comments in a
 * digest) and to the parent commenter, once per comment, never to the commenter themselves. Each
 * email carries an unsubscribe link of its own. The text part shows the comment as typed.
 */
@Injectable()
export class CommentNotifier {
  constructor(
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly comments: CommentRepository,
    private readonly members: MemberRepository,
    private readonly mail: MailService,
    private readonly digests: CommentDigestRepository,
    private readonly links: UnsubscribeLinks,
  ) {}

  async notify(comment: CommentRecord, post: PostRecord): Promise<void> {
    if (!(await this.comments.claimNotification(comment._id))) {
      return;
    }
    const postUrl = `${this.app.baseUrl}/blog/${post.slug}#comment-${String(comment._id)}`;
    const sent = new Set<string>();
    const send = async (
      to: string,
      name: string,
      template: string,
      subject: string,
      unsubscribe: () => Promise<string>,
    ) => {
      if (sent.has(to)) {
        return;
      }
      sent.add(to);
      const unsubscribeUrl = await unsubscribe();
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
      if (parent?.notifyReplies && parentEmail && !(await this.links.stopped('comment', String(parent._id)))) {
        await send(
          parentEmail,
          parent.authorName,
          'blog/email/reply',
          `${comment.authorName} replied to your comment`,
          () => this.links.newLink('comment', String(parent._id)),
        );
      }
    }
    const wanted = post.notifyAuthor && !(await this.links.stopped('post', String(post._id)));
    const author = wanted ? await this.members.findById(post.authorId) : null;
    // Staff who chose a comment digest get this comment in it, not in an email of its own.
    const staffAuthor = author !== null && isStaff(author);
    const inDigest = staffAuthor && (await this.digests.findFor(String(author._id)));
    if (author && !inDigest) {
      await send(author.email, author.name, 'blog/email/new-comment', `New comment on “${post.title}”`, () =>
        this.links.newLink('post', String(post._id)),
      );
    }
  }
}
