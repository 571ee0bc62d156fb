import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { appConfig, formatDateTime } from '@roundtable/core';
import { MailService, renderMail } from '@roundtable/mail';
import { MemberRepository } from '@roundtable/members';
import { PostRecord } from './post.repository';

/** The guest post loop's emails: the author hears when staff return their post, and when it is out. */
@Injectable()
export class PostMailer {
  constructor(
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly members: MemberRepository,
    private readonly mail: MailService,
  ) {}

  /** Staff returned the post with a note: what to change, and the link to edit it. */
  async returned(post: PostRecord, note: string): Promise<void> {
    const author = await this.members.findById(post.authorId);
    if (author) {
      await this.mail.queue({
        to: author.email,
        subject: `Your guest post “${post.title}” needs a few changes`,
        ...renderMail('blog/email/post-returned', {
          name: author.name,
          title: post.title,
          note,
          editUrl: `${this.app.baseUrl}/portal/posts/${String(post._id)}/edit`,
        }),
      });
    }
  }

  /** The post is published (or scheduled for `scheduledFor`). */
  async published(post: PostRecord, scheduledFor: Date | null): Promise<void> {
    const author = await this.members.findById(post.authorId);
    if (author) {
      await this.mail.queue({
        to: author.email,
        subject: `Your guest post “${post.title}” is ${scheduledFor ? 'scheduled' : 'published'}`,
        ...renderMail('blog/email/post-published', {
          name: author.name,
          title: post.title,
          url: `${this.app.baseUrl}/blog/${post.slug}`,
          scheduledFor: scheduledFor ? utcMinute(scheduledFor) : null,
        }),
      });
    }
  }
}

/** "2026-12-01 09:30 UTC", as the editor's time field reads. */
export function utcMinute(date: Date): string {
  return formatDateTime(date);
}
