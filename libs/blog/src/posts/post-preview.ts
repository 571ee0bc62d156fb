import { formatDate } from '@roundtable/core';
import { Post } from './post.schema';

/** Who the post is by, as its byline says. */
export type Byline = Pick<Post, 'authorId' | 'authorName' | 'guest'>;

/**
 * The post card of the editor's preview: the fields as they would be saved, shown as the post page
 * shows them (`blog/article.njk`), dated when Publish would put the post out.
 */
export function previewArticle(fields: Partial<Post>, byline: Byline, publishedAt: Date) {
  return {
    title: fields.title,
    slug: fields.slug,
    excerpt: fields.excerpt,
    coverImageUrl: fields.coverImageUrl,
    tags: fields.tags,
    categories: fields.categories,
    visibility: fields.visibility,
    ...byline,
    date: formatDate(publishedAt),
  };
}
