import { isoMinute } from '@roundtable/core';
import { withoutControlCharacters } from '../comments/clean-text';
import { renderMarkdown, plainText, safeHttpUrl } from './markdown';
import { type PostDto, StaffPostDto } from './post.dto';
import { parseUtc } from './publish-time';
import { POST_STATUSES, Post } from './post.schema';
import { searchTerms } from './search-terms';
import { parseLabels, slugify } from './slug';

export type PostFormValues = Record<
  | 'title'
  | 'slug'
  | 'bodyMarkdown'
  | 'excerpt'
  | 'coverImageUrl'
  | 'tags'
  | 'categories'
  | 'visibility'
  | 'tiers'
  | 'publishAt'
  | 'reportId',
  string
>;

/** A field as typed, without control characters (removed at save, so feeds stay well-formed XML). */
const clean = (value: string | undefined) => (value ? withoutControlCharacters(value).trim() : '');

/** The form's values as typed (after the DTO's trimming), to show the form again. */
export function formValuesOf(form: PostDto): PostFormValues {
  return {
    title: form.title ?? '',
    slug: form.slug ?? '',
    bodyMarkdown: form.bodyMarkdown ?? '',
    excerpt: form.excerpt ?? '',
    coverImageUrl: form.coverImageUrl ?? '',
    tags: form.tags ?? '',
    categories: form.categories ?? '',
    visibility: form.visibility ?? 'public',
    tiers: form.tiers ?? '',
    publishAt: form instanceof StaffPostDto ? (form.publishAt ?? '') : '',
    reportId: form instanceof StaffPostDto ? (form.reportId ?? '') : '',
  };
}

/**
 * A post's stored fields from a form the DTO accepted (Markdown rendered and sanitised, slug and
 * excerpt derived when empty), or a message per field for the rules across fields.
 */
export function postFieldsFrom(
  form: PostDto,
): { fields: Partial<Post>; publishAt: Date | null } | { errors: Record<string, string> } {
  const tiers = parseLabels(form.tiers);
  if (form.visibility === 'tiers' && tiers.length === 0) {
    return { errors: { tiers: 'Name at least one tier (its slug, e.g. executive).' } };
  }
  const title = clean(form.title);
  const bodyMarkdown = clean(form.bodyMarkdown);
  const bodyHtml = renderMarkdown(bodyMarkdown);
  const tags = parseLabels(clean(form.tags));
  const visibility = form.visibility ?? 'public';
  const publishAt = form instanceof StaffPostDto && form.publishAt ? parseUtc(form.publishAt) : null;
  const handExcerpt = clean(form.excerpt);
  const fields: Partial<Post> = {
    title,
    slug: form.slug || slugify(title),
    bodyMarkdown,
    bodyHtml,
    // An empty excerpt field means "the first lines": written again from the body at every save.
    excerpt: handExcerpt || autoExcerpt(bodyHtml),
    excerptByHand: handExcerpt !== '',
    coverImageUrl: safeHttpUrl(form.coverImageUrl),
    tags,
    searchTerms: searchTerms(title, tags),
    categories: parseLabels(clean(form.categories)),
    visibility,
    tiers: visibility === 'tiers' ? tiers : [],
  };
  if (form instanceof StaffPostDto) {
    // Only staff attach a report; a guest author's save leaves staff's choice as it is.
    fields.reportId = form.reportId || null;
  }
  return { fields, publishAt };
}

/** The excerpt written from a post's body: its first lines as plain text. */
export function autoExcerpt(bodyHtml: string): string {
  return plainText(bodyHtml, 240);
}

/**
 * Whether staff wrote the post's excerpt. Posts saved before the flag existed say so by an excerpt
 * other than their first lines.
 */
export function excerptByHand(post: Pick<Post, 'excerpt' | 'bodyHtml' | 'excerptByHand'>): boolean {
  return post.excerptByHand ?? (post.excerpt !== '' && post.excerpt !== autoExcerpt(post.bodyHtml));
}

/** The form's values from a stored post; the excerpt field holds only an excerpt staff wrote. */
export function postFormValues(post: Post): PostFormValues {
  return {
    title: post.title,
    slug: post.slug,
    bodyMarkdown: post.bodyMarkdown,
    excerpt: excerptByHand(post) ? post.excerpt : '',
    coverImageUrl: post.coverImageUrl ?? '',
    tags: post.tags.join(', '),
    categories: post.categories.join(', '),
    visibility: post.visibility,
    tiers: post.tiers.join(', '),
    publishAt: isoMinute(post.publishedAt),
    reportId: post.reportId ?? '',
  };
}

export const STATUS_LABELS: Record<(typeof POST_STATUSES)[number], string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
};

export type EditorBase = '/admin/posts' | '/portal/posts';

/** The model of the post editor page, for staff (`/admin/posts`) and guest authors (`/portal/posts`). */
export function editorPage(base: EditorBase, post: (Post & { _id: unknown }) | null) {
  const action = post ? `${base}/${String(post._id)}` : base;
  return {
    title: post ? `Edit: ${post.title}` : base === '/admin/posts' ? 'New post' : 'New guest post',
    action,
    // The Preview button sends the same form here: the editor again, the post shown above it, nothing saved.
    previewAction: `${action}/preview`,
    // The first lines the excerpt now follows (shown beside the empty field).
    autoExcerpt: post && !excerptByHand(post) ? post.excerpt : null,
    values: post ? postFormValues(post) : { visibility: 'public' },
    errors: {},
    staff: base === '/admin/posts',
    post,
    labels: STATUS_LABELS,
  };
}
