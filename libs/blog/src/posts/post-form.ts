import { withoutControlCharacters } from '../comments/clean-text';
import { renderMarkdown, plainText, safeHttpUrl } from './markdown';
import { POST_STATUSES, Post, VISIBILITIES, Visibility } from './post.schema';
import { searchTerms } from './search-terms';
import { isValidSlug, parseLabels, slugify } from './slug';

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
  | 'publishAt',
  string
>;

/** A field as typed, without control characters (removed at save, so feeds stay well-formed XML). */
const text = (value: unknown, max: number) =>
  typeof value === 'string' ? withoutControlCharacters(value).trim().slice(0, max) : '';

/**
 * A time from the form's `datetime-local` field, which carries no zone: the editor labels it UTC, so
 * it is read as UTC whatever the server's zone (a value with its own zone is kept as given).
 */
export function parseUtc(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value}Z` : value);
}

/**
 * Checks a post form: returns the values as typed (to show the form again) and either the post's
 * fields (Markdown rendered and sanitised, excerpt derived when empty) or a message per field.
 */
export function validatePostForm(body: Record<string, unknown>, options: { staff: boolean }) {
  const values: PostFormValues = {
    title: text(body.title, 200),
    slug: text(body.slug, 80).toLowerCase(),
    bodyMarkdown: text(body.bodyMarkdown, 100_000),
    excerpt: text(body.excerpt, 300),
    coverImageUrl: text(body.coverImageUrl, 500),
    tags: text(body.tags, 300),
    categories: text(body.categories, 300),
    visibility: text(body.visibility, 20) || 'public',
    tiers: text(body.tiers, 200),
    publishAt: text(body.publishAt, 30),
  };
  const errors: Partial<Record<keyof PostFormValues, string>> = {};
  if (!values.title) {
    errors.title = 'Please give the post a title.';
  }
  if (!values.bodyMarkdown) {
    errors.bodyMarkdown = 'Please write the post.';
  }
  if (values.slug && !isValidSlug(values.slug)) {
    errors.slug = 'Use lower-case letters, digits and hyphens only, like “seven-accountabilities”.';
  }
  if (values.coverImageUrl && !safeHttpUrl(values.coverImageUrl)) {
    errors.coverImageUrl = 'The cover image must be an http or https address.';
  }
  if (!(VISIBILITIES as readonly string[]).includes(values.visibility)) {
    errors.visibility = 'Choose public, members or specific tiers.';
  }
  const tiers = parseLabels(values.tiers);
  if (values.visibility === 'tiers' && tiers.length === 0) {
    errors.tiers = 'Name at least one tier (its slug, e.g. executive).';
  }
  let publishAt: Date | null = null;
  if (options.staff && values.publishAt) {
    publishAt = parseUtc(values.publishAt);
    if (Number.isNaN(publishAt.getTime())) {
      errors.publishAt = 'Give the publication time as a date and time.';
    }
  }
  if (Object.keys(errors).length > 0) {
    return { values, errors };
  }
  const bodyHtml = renderMarkdown(values.bodyMarkdown);
  const fields: Partial<Post> = {
    title: values.title,
    slug: values.slug || slugify(values.title),
    bodyMarkdown: values.bodyMarkdown,
    bodyHtml,
    excerpt: values.excerpt || plainText(bodyHtml, 240),
    coverImageUrl: safeHttpUrl(values.coverImageUrl),
    tags: parseLabels(values.tags),
    searchTerms: searchTerms(values.title, parseLabels(values.tags)),
    categories: parseLabels(values.categories),
    visibility: values.visibility as Visibility,
    tiers: values.visibility === 'tiers' ? tiers : [],
  };
  return { values, errors, fields, publishAt };
}

/** The form's values from a stored post. */
export function postFormValues(post: Post): PostFormValues {
  return {
    title: post.title,
    slug: post.slug,
    bodyMarkdown: post.bodyMarkdown,
    excerpt: post.excerpt,
    coverImageUrl: post.coverImageUrl ?? '',
    tags: post.tags.join(', '),
    categories: post.categories.join(', '),
    visibility: post.visibility,
    tiers: post.tiers.join(', '),
    publishAt: post.publishedAt ? post.publishedAt.toISOString().slice(0, 16) : '',
  };
}

export const STATUS_LABELS: Record<(typeof POST_STATUSES)[number], string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
};

/** The model of the post editor page, for staff (`/admin/posts`) and guest authors (`/portal/posts`). */
export function editorPage(
  base: '/admin/posts' | '/portal/posts',
  post: (Post & { _id: unknown; title: string }) | null,
  values: Partial<PostFormValues> | undefined,
  errors: Record<string, string> = {},
) {
  return {
    title: post ? `Edit: ${post.title}` : base === '/admin/posts' ? 'New post' : 'New guest post',
    action: post ? `${base}/${String(post._id)}` : base,
    values: values ?? (post ? postFormValues(post) : { visibility: 'public' }),
    errors,
    staff: base === '/admin/posts',
    post,
    labels: STATUS_LABELS,
  };
}
