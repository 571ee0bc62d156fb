import { escapeHtml, isoDateTime } from '@roundtable/core';

/** The Atom feed and the sitemap, as pure functions of the public published posts. */
export interface FeedPost {
  title: string;
  slug: string;
  excerpt: string;
  authorName: string;
  publishedAt: Date;
  updatedAt: Date;
  tags: string[];
}

/** Characters XML 1.0 does not allow at all, even escaped (older posts and names may carry them). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text as XML text or attribute value: what XML cannot hold dropped, the rest escaped as HTML is. */
export function xmlEscape(text: string): string {
  return escapeHtml(text.replace(NOT_XML, ''));
}

export function atomFeed(baseUrl: string, posts: FeedPost[]): string {
  // The feed changes when any entry does, not only the newest one.
  const updated = isoDateTime(Math.max(0, ...posts.map((post) => post.updatedAt.getTime())));
  const entries = posts
    .map(
      (post) => `  <entry>
    <title>${xmlEscape(post.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(`${baseUrl}/blog/${post.slug}`)}"/>
    <id>${xmlEscape(`${baseUrl}/blog/${post.slug}`)}</id>
    <published>${isoDateTime(post.publishedAt)}</published>
    <updated>${isoDateTime(post.updatedAt)}</updated>
    <author><name>${xmlEscape(post.authorName)}</name></author>
${post.tags.map((tag) => `    <category term="${xmlEscape(tag)}"/>`).join('\n')}
    <summary>${xmlEscape(post.excerpt)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Roundtable — the council blog</title>
  <link rel="self" href="${xmlEscape(`${baseUrl}/feed.xml`)}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(`${baseUrl}/`)}"/>
  <id>${xmlEscape(`${baseUrl}/`)}</id>
  <updated>${updated}</updated>
${entries}
</feed>
`;
}

export function sitemap(baseUrl: string, posts: FeedPost[]): string {
  const urls = [`  <url><loc>${xmlEscape(`${baseUrl}/`)}</loc></url>`].concat(
    posts.map(
      (post) =>
        `  <url><loc>${xmlEscape(`${baseUrl}/blog/${post.slug}`)}</loc><lastmod>${isoDateTime(post.updatedAt)}</lastmod></url>`,
    ),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

/** robots.txt: the public pages are open to crawlers; the member and staff areas and search are not. */
export function robotsTxt(baseUrl: string): string {
  return `User-agent: *
Disallow: /admin/
Disallow: /portal/
Disallow: /search
Sitemap: ${baseUrl}/sitemap.xml
`;
}
