import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { isStaff, type SessionMember } from '@roundtable/auth';
import { ConflictError, ForbiddenError, FormOutcome, NotFoundError, type PageRequest } from '@roundtable/core';
import { AttachedReports } from './attached-reports.service';
import { Post } from './post.schema';
import { type PostAction, type PostDto } from './post.dto';
import { EditorBase, editorPage, formValuesOf, postFieldsFrom, STATUS_LABELS } from './post-form';
import { PostMailer, utcMinute } from './post-mailer.service';
import { previewArticle } from './post-preview';
import { publicationTime } from './publish-time';
import { PostRecord, PostRepository } from './post.repository';

/**
 * Writing and publishing posts. Staff write, edit and publish any post. Members with `guest_post`
 * write guest posts, edit them while they are drafts, and submit them; staff publish them or return
 * them with a note.
 */
@Injectable()
export class PostsService {
  constructor(
    private readonly posts: PostRepository,
    private readonly mailer: PostMailer,
    private readonly reports: AttachedReports,
  ) {}

  /** A member's own guest posts, whatever their status. */
  async guestListPage(memberId: string) {
    return { title: 'My guest posts', posts: await this.posts.listByAuthor(memberId), labels: STATUS_LABELS };
  }

  /** Staff's editor: a new post, or the post `params.id`. */
  staffEditorPage({ member, params }: PageRequest<SessionMember>) {
    return this.editorPageFor('/admin/posts', member, params?.id);
  }

  /** A guest author's editor: a new guest post, or their post `params.id`. */
  guestEditorPage({ member, params }: PageRequest<SessionMember>) {
    return this.editorPageFor('/portal/posts', member, params?.id);
  }

  /** The page of the return-to-author form when its note was refused (it sits on the editor otherwise). */
  async returnPage({ params }: PageRequest<SessionMember>) {
    const post = await this.getOrFail(params?.id ?? '');
    return { title: `Return “${post.title}” to its author`, post };
  }

  /** Creates a post from the editor, as staff or as a guest author, and does what the button said. */
  async create(author: SessionMember, form: PostDto, base: EditorBase): Promise<FormOutcome> {
    const checked = await this.checked(form);
    if ('errors' in checked) {
      return FormOutcome.invalid(formValuesOf(form), checked.errors);
    }
    const slug = await this.freeSlug(checked.fields.slug!, undefined, Boolean(form.slug));
    if (!slug) {
      return FormOutcome.invalid(formValuesOf(form), { slug: slugTaken(checked.fields.slug!) });
    }
    const created = await this.posts.create({
      ...checked.fields,
      slug,
      authorId: author.id,
      authorName: author.name,
      guest: !isStaff(author),
      status: 'draft',
    });
    const post = await this.applyAction(created, author, form.action ?? 'save', checked.publishAt);
    return this.saved(base, post, form.action ?? 'save');
  }

  /** Saves the editor over a post (staff any post, an author their draft), then does what the button said. */
  async update(id: string, editor: SessionMember, form: PostDto, base: EditorBase): Promise<FormOutcome> {
    const post = await this.getForEditor(id, editor);
    if (!isStaff(editor) && post.status !== 'draft') {
      throw new ConflictError(
        'This post is with our staff for review; you can edit it again if they return it to you.',
      );
    }
    const checked = await this.checked(form);
    if ('errors' in checked) {
      return FormOutcome.invalid(formValuesOf(form), checked.errors);
    }
    // An emptied slug field keeps the current address rather than deriving a new one.
    const slug = await this.freeSlug(form.slug ?? post.slug, id, true);
    if (!slug) {
      return FormOutcome.invalid(formValuesOf(form), { slug: slugTaken(form.slug ?? post.slug) });
    }
    const slugChanged = slug !== post.slug;
    await this.posts.update(
      id,
      { ...checked.fields, slug },
      slugChanged && post.publishedAt ? { addPreviousSlug: post.slug } : {},
    );
    const saved = await this.applyAction(await this.getOrFail(id), editor, form.action ?? 'save', checked.publishAt);
    return this.saved(base, saved, form.action ?? 'save');
  }

  /**
   * The editor again with the post above it as readers will see it, from the form as it stands:
   * nothing is saved (a new post stays unsaved, a stored one as it was).
   */
  async preview(member: SessionMember, form: PostDto, base: EditorBase, id?: string) {
    const post = id === undefined ? null : await this.getForEditor(id, member);
    const checked = await this.checked(form);
    if ('errors' in checked) {
      return FormOutcome.invalid(formValuesOf(form), checked.errors);
    }
    const byline = post ?? { authorId: member.id, authorName: member.name, guest: !isStaff(member) };
    const when = publicationTime(checked.publishAt, post?.publishedAt ?? null, new Date());
    return {
      ...(await this.editorPageOf(base, post)),
      values: formValuesOf(form),
      article: previewArticle(checked.fields, byline, when),
      articleHtml: checked.fields.bodyHtml,
      report: await this.reports.card(checked.fields.reportId, member),
    };
  }

  /** Staff return a guest post in review to its author, with a note, by email. */
  async returnToAuthor(id: string, note: string): Promise<FormOutcome> {
    const post = await this.getOrFail(id);
    if (!(await this.posts.changeStatus(id, ['in_review'], { status: 'draft', reviewNote: note }))) {
      throw new ConflictError('Only a post in review can be returned.');
    }
    await this.mailer.returned(post, note);
    return FormOutcome.ok('/admin/posts', `“${post.title}” is back with its author, with your note.`);
  }

  private async editorPageFor(base: EditorBase, member: SessionMember, id: string | undefined) {
    return this.editorPageOf(base, id === undefined ? null : await this.getForEditor(id, member));
  }

  private async editorPageOf(base: EditorBase, post: PostRecord | null) {
    const page = editorPage(base, post);
    // Staff may attach a published research report (the select's choices).
    const reports = page.staff ? await this.reports.choices() : [];
    return { ...page, reports: reports.map((report) => ({ value: report.id, label: report.title })) };
  }

  /** The post's fields from the form, or what to correct; an attached report must be a published one. */
  private async checked(form: PostDto) {
    const checked = postFieldsFrom(form);
    const problem = 'fields' in checked ? await this.reports.problem(checked.fields.reportId) : null;
    return problem ? { errors: { reportId: problem } } : checked;
  }

  private async getOrFail(id: string): Promise<PostRecord> {
    const post = await this.posts.findById(id);
    if (!post) {
      throw new NotFoundError('There is no such post.');
    }
    return post;
  }

  /** The post for its editor: staff any, an author their own. */
  private async getForEditor(id: string, editor: SessionMember): Promise<PostRecord> {
    const post = await this.getOrFail(id);
    if (!isStaff(editor) && post.authorId !== editor.id) {
      throw new ForbiddenError('You can only edit your own posts.');
    }
    return post;
  }

  /** Where the editor goes after a save: staff stay with the post, guest authors see their list. */
  private saved(base: EditorBase, post: PostRecord, action: PostAction): FormOutcome {
    const flash =
      action === 'submit'
        ? 'Sent to review.'
        : action === 'publish'
          ? post.status === 'scheduled'
            ? `Scheduled for ${utcMinute(post.publishedAt!)}.`
            : 'Published.'
          : 'Saved.';
    return FormOutcome.ok(base === '/admin/posts' ? `/admin/posts/${String(post._id)}/edit` : base, flash);
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
      const when = publicationTime(publishAt, post.publishedAt, new Date());
      const fields: Partial<Post> = {
        status: when.getTime() > Date.now() ? 'scheduled' : 'published',
        publishedAt: when,
        reviewNote: null,
      };
      await this.posts.changeStatus(id, ['draft', 'in_review', 'scheduled', 'published'], fields);
      if (post.guest && post.status === 'in_review') {
        await this.mailer.published(await this.getOrFail(id), fields.status === 'scheduled' ? when : null);
      }
    }
    return this.getOrFail(id);
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

function slugTaken(slug: string): string {
  return `Another post already uses the address “${slug}”. Please choose another.`;
}
