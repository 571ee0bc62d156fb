import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { isStaff, type SessionMember } from '@roundtable/auth';
import { appConfig, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@roundtable/core';
import { MailService, renderMail } from '@roundtable/mail';
import { MemberRepository } from '@roundtable/members';
import { Post } from './post.schema';
import { PostFormValues, STATUS_LABELS, validatePostForm } from './post-form';
import { PostRecord, PostRepository } from './post.repository';

export type PostAction = 'save' | 'submit' | 'publish';
type FormResult = { post?: PostRecord; values?: PostFormValues; errors?: Record<string, string> };

/**
 * Writing and publishing posts. Staff write, edit and publish any post. Members with `guest_post`
 * write guest posts, edit them while they are drafts, and submit them; staff publish them or return
 * them with a note.
 */
@Injectable()
export class PostsService {
  constructor(
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly posts: PostRepository,
    private readonly members: MemberRepository,
    private readonly mail: MailService,
  ) {}

  /** Staff's list of posts: the review queue first, then every other post. */
  async staffListPage() {
    return {
      title: 'Posts',
      review: await this.posts.listByStatus(['in_review']),
      posts: await this.posts.listByStatus(['draft', 'scheduled', 'published']),
      labels: STATUS_LABELS,
      // A scheduled post whose time has come is live; the list says so.
      now: new Date(),
    };
  }

  /** A member's own guest posts, whatever their status. */
  async guestListPage(memberId: string) {
    return { title: 'My guest posts', posts: await this.posts.listByAuthor(memberId), labels: STATUS_LABELS };
  }

  async getOrFail(id: string): Promise<PostRecord> {
    const post = await this.posts.findById(id);
    if (!post) {
      throw new NotFoundError('There is no such post.');
    }
    return post;
  }

  /** The post for its editor: staff any, an author their own. */
  async getForEditor(id: string, editor: SessionMember): Promise<PostRecord> {
    const post = await this.getOrFail(id);
    if (!isStaff(editor) && post.authorId !== editor.id) {
      throw new ForbiddenError('You can only edit your own posts.');
    }
    return post;
  }

  /** Creates a post from a form, as staff or as a guest author; returns the errors instead when invalid. */
  async create(author: SessionMember, body: Record<string, unknown>, action: PostAction): Promise<FormResult> {
    const form = validatePostForm(body, { staff: isStaff(author) });
    if (!form.fields) {
      return { values: form.values, errors: form.errors };
    }
    const slug = await this.freeSlug(form.fields.slug!, undefined, Boolean(form.values.slug));
    if (!slug) {
      return {
        values: form.values,
        errors: { slug: `Another post already uses the address “${form.fields.slug}”. Please choose another.` },
      };
    }
    const post = await this.posts.create({
      ...form.fields,
      slug,
      authorId: author.id,
      authorName: author.name,
      guest: !isStaff(author),
      status: 'draft',
      unsubscribeToken: randomBytes(24).toString('base64url'),
    });
    return { post: await this.applyAction(post, author, action, form.publishAt ?? null) };
  }

  async update(
    id: string,
    editor: SessionMember,
    body: Record<string, unknown>,
    action: PostAction,
  ): Promise<FormResult> {
    const post = await this.getForEditor(id, editor);
    if (!isStaff(editor) && post.status !== 'draft') {
      throw new ConflictError(
        'This post is with our staff for review; you can edit it again if they return it to you.',
      );
    }
    const form = validatePostForm(body, { staff: isStaff(editor) });
    if (!form.fields) {
      return { values: form.values, errors: form.errors };
    }
    // An emptied slug field keeps the current address rather than deriving a new one.
    const slug = await this.freeSlug(form.values.slug ? form.fields.slug! : post.slug, id, true);
    if (!slug) {
      return {
        values: form.values,
        errors: { slug: `Another post already uses the address “${form.fields.slug}”. Please choose another.` },
      };
    }
    const slugChanged = slug !== post.slug;
    await this.posts.update(
      id,
      { ...form.fields, slug },
      slugChanged && post.publishedAt ? { addPreviousSlug: post.slug } : {},
    );
    return { post: await this.applyAction(await this.getOrFail(id), editor, action, form.publishAt ?? null) };
  }

  /** Staff return a guest post in review to its author, with a note, by email. */
  async returnToAuthor(id: string, note: unknown): Promise<void> {
    const text = typeof note === 'string' ? note.trim().slice(0, 2000) : '';
    if (!text) {
      throw new ValidationError('Please tell the author what to change; the note goes in the email they receive.');
    }
    const post = await this.getOrFail(id);
    if (!(await this.posts.changeStatus(id, ['in_review'], { status: 'draft', reviewNote: text }))) {
      throw new ConflictError('Only a post in review can be returned.');
    }
    const author = await this.members.findById(post.authorId);
    if (author) {
      await this.mail.queue({
        to: author.email,
        subject: `Your guest post “${post.title}” needs a few changes`,
        ...renderMail('blog/email/post-returned', {
          name: author.name,
          title: post.title,
          note: text,
          editUrl: `${this.app.baseUrl}/portal/posts/${id}/edit`,
        }),
      });
    }
  }

  private async applyAction(
    post: PostRecord,
    actor: SessionMember,
    action: PostAction,
    publishAt: Date | null,
  ): Promise<PostRecord> {
    const id = String(post._id);
    if (action === 'submit') {
      if (!(await this.posts.changeStatus(id, ['draft'], { status: 'in_review', reviewNote: null }))) {
        throw new ConflictError('This post is not a draft, so it cannot be submitted for review.');
      }
    } else if (action === 'publish') {
      if (!isStaff(actor)) {
        throw new ForbiddenError('Only staff publish posts. Submit it for review instead.');
      }
      const when = publishAt ?? post.publishedAt ?? new Date();
      const fields: Partial<Post> = {
        status: when.getTime() > Date.now() ? 'scheduled' : 'published',
        publishedAt: when,
        reviewNote: null,
      };
      await this.posts.changeStatus(id, ['draft', 'in_review', 'scheduled', 'published'], fields);
      if (post.guest && post.status === 'in_review') {
        await this.tellAuthorPublished(post, fields.status === 'scheduled' ? when : null);
      }
    }
    return this.getOrFail(id);
  }

  /** Closes the guest post loop: the author hears that their post is out (or when it will be). */
  private async tellAuthorPublished(post: PostRecord, scheduledFor: Date | null): Promise<void> {
    const author = await this.members.findById(post.authorId);
    if (author) {
      const fresh = await this.getOrFail(String(post._id));
      await this.mail.queue({
        to: author.email,
        subject: `Your guest post “${fresh.title}” is ${scheduledFor ? 'scheduled' : 'published'}`,
        ...renderMail('blog/email/post-published', {
          name: author.name,
          title: fresh.title,
          url: `${this.app.baseUrl}/blog/${fresh.slug}`,
          scheduledFor: scheduledFor ? `${scheduledFor.toISOString().slice(0, 16).replace('T', ' ')} UTC` : null,
        }),
      });
    }
  }

  /** The slug asked for (null when taken), or for a generated one the first free variant (`title-2`…). */
  private async freeSlug(wanted: string, postId: string | undefined, explicit: boolean): Promise<string | null> {
    if (!(await this.posts.slugTaken(wanted, postId))) {
      return wanted;
    }
    if (explicit) {
      return null;
    }
    for (let n = 2; n < 100; n += 1) {
      const candidate = `${wanted.slice(0, 75)}-${n}`;
      if (!(await this.posts.slugTaken(candidate, postId))) {
        return candidate;
      }
    }
    return `${wanted.slice(0, 60)}-${randomBytes(4).toString('hex')}`;
  }
}
