/** A URL slug from a title: lower-case ASCII words joined by hyphens, at most 80 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'post';
}

/** Whether a slug typed by staff is acceptable as is. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= 80;
}

/** Tags and categories from a comma-separated field: trimmed, lower-cased, unique, at most 10. */
export function parseLabels(value: unknown): string[] {
  const text = typeof value === 'string' ? value : '';
  const labels = text
    .split(',')
    .map((label) => slugify(label))
    .filter((label) => label !== 'post' || /\bpost\b/i.test(text));
  return [...new Set(labels.filter(Boolean))].slice(0, 10);
}
