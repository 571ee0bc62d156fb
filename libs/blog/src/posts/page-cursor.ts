/**
 * The `before` cursor of the post lists: the last shown post's publication time and id, as
 * `<ISO time>_<id>`. Lists page by this indexed range rather than by skip (see docs/storage.md).
 */
export function cursorOf(post: { publishedAt: Date | null; _id: unknown }): string {
  return `${(post.publishedAt ?? new Date(0)).toISOString()}_${String(post._id)}`;
}

/** The cursor from a query string, or undefined when it is missing or malformed (the first page). */
export function parseCursor(value: unknown): { publishedAt: Date; id: string } | undefined {
  const match = typeof value === 'string' ? /^(.{10,40})_([a-f0-9]{24})$/.exec(value) : null;
  if (!match || Number.isNaN(Date.parse(match[1]))) {
    return undefined;
  }
  return { publishedAt: new Date(match[1]), id: match[2] };
}
