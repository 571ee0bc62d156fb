import { decodeCursor, encodeCursor } from '@roundtable/core';

/**
 * The `before` cursor of the post lists, in core's keyset cursor format: the last shown post's
 * publication time and id. Lists page by this indexed range rather than by skip (docs/storage.md).
 */
export function cursorOf(post: { publishedAt: Date | null; _id: unknown }): string {
  return encodeCursor([post.publishedAt ?? new Date(0), String(post._id)]);
}

/** The cursor from a query string, or undefined when it is missing or not one of ours (the first page). */
export function parseCursor(value: unknown): { publishedAt: Date; id: string } | undefined {
  const [publishedAt, id] = decodeCursor(value, 2) ?? [];
  if (!(publishedAt instanceof Date) || Number.isNaN(publishedAt.getTime()) || !/^[a-f0-9]{24}$/.test(String(id))) {
    return undefined;
  }
  return { publishedAt, id: String(id) };
}
