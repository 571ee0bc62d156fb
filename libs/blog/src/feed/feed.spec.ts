import { Parser } from 'htmlparser2';
import { atomFeed, FeedPost, sitemap, xmlEscape } from './feed';

const post = (slug: string, updated: string, extra: Partial<FeedPost> = {}): FeedPost => ({
  title: `Title ${slug}`,
  slug,
  excerpt: 'Excerpt',
  authorName: 'Ada',
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date(updated),
  tags: [],
  ...extra,
});

/** Element texts by tag name, as an XML reader decodes them. */
function texts(xml: string, tag: string): string[] {
  const found: string[] = [];
  let inside = false;
  const parser = new Parser(
    {
      onopentag: (name) => {
        inside = name === tag;
        if (inside) {
          found.push('');
        }
      },
      ontext: (text) => {
        if (inside) {
          found[found.length - 1] += text;
        }
      },
      onclosetag: () => (inside = false),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return found;
}

describe(atomFeed.name, () => {
  it('has one entry per post, escaped, and is as fresh as its most recently updated entry', () => {
    const xml = atomFeed('https://rt.example', [
      post('a', '2026-02-01T00:00:00Z', { title: 'Churn <b> & "NPS"', tags: ['cx'] }),
      post('b', '2026-03-01T00:00:00Z'),
    ]);
    expect(texts(xml, 'id')).toEqual(['https://rt.example/', 'https://rt.example/blog/a', 'https://rt.example/blog/b']);
    expect(texts(xml, 'title')[1]).toBe('Churn <b> & "NPS"');
    expect(xml).not.toContain('<b>');
    expect(texts(xml, 'updated')[0]).toBe('2026-03-01T00:00:00.000Z');
    expect(xml).toContain('<category term="cx"/>');
  });

  it('is a valid empty feed without posts', () => {
    expect(texts(atomFeed('https://rt.example', []), 'entry')).toEqual([]);
  });
});

describe(sitemap.name, () => {
  it('lists the home page and each post with its last change', () => {
    const xml = sitemap('https://rt.example', [post('a', '2026-02-01T00:00:00Z')]);
    expect(texts(xml, 'loc')).toEqual(['https://rt.example/', 'https://rt.example/blog/a']);
    expect(texts(xml, 'lastmod')).toEqual(['2026-02-01T00:00:00.000Z']);
  });
});

describe(xmlEscape.name, () => {
  it('escapes markup and drops characters XML 1.0 forbids, keeping tab and newline', () => {
    expect(xmlEscape('a<b>&"\'\u0000\u000b\u000c\u001b\t\nz')).toBe('a&lt;b&gt;&amp;&quot;&#39;\t\nz');
  });
});
