import { countLinks, plainText, renderMarkdown, safeHttpUrl } from './markdown';
import { isValidSlug, parseLabels, slugify } from './slug';

describe(renderMarkdown.name, () => {
  it('renders Markdown structure and marks user links', () => {
    const html = renderMarkdown('# Title\n\nSome **bold** and [a link](https://example.org).\n\n- one\n- two');
    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">a link</a>');
    expect(html).toContain('<li>one</li>');
  });

  it.each([
    ['<script>alert(1)</script>', /<script/i],
    ['<img src=x onerror=alert(1)>', /onerror/i],
    ['[click](javascript:alert(1))', /javascript:/i],
    ['[click](JaVaScRiPt:alert(1))', /javascript:/i],
    ['[click](&#106;avascript:alert(1))', /javascript:|&#106;/i],
    ['![x](javascript:alert(1))', /javascript:/i],
    ['![x](data:image/svg+xml;base64,PHN2Zz4=)', /data:/i],
    ['<svg onload=alert(1)><circle/></svg>', /<svg|onload/i],
    ['<a href="https://ok.example" onclick="alert(1)">x</a>', /onclick/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['<p style="background:url(javascript:alert(1))">x</p>', /style=|javascript:/i],
    ['<form action="https://evil.example"><input></form>', /<form|<input/i],
  ])('removes %s', (payload, forbidden) => {
    expect(renderMarkdown(payload)).not.toMatch(forbidden);
  });
});

describe(plainText.name, () => {
  it('strips tags and shortens at a word', () => {
    expect(plainText('<p>Hello <b>world</b> &amp; friends</p>')).toBe('Hello world & friends');
    expect(plainText('<p>one two three four</p>', 10)).toBe('one two…');
  });
});

describe(safeHttpUrl.name, () => {
  it('keeps http and https and refuses everything else', () => {
    expect(safeHttpUrl('https://img.example/a.png')).toBe('https://img.example/a.png');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:image/png;base64,AAA')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
  });
});

describe(countLinks.name, () => {
  it('counts links', () => {
    expect(countLinks('see https://a.example and www.b.example and http://c')).toBe(3);
  });
});

describe(slugify.name, () => {
  it.each([
    ['The Seven Common Accountabilities', 'the-seven-common-accountabilities'],
    ['Voice of the Customer: Déjà vu & more!', 'voice-of-the-customer-deja-vu-and-more'],
    ['***', 'post'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(isValidSlug(slugify(title))).toBe(true);
  });

  it('refuses slugs with odd characters', () => {
    expect(isValidSlug('Bad Slug')).toBe(false);
    expect(isValidSlug('../x')).toBe(false);
  });

  it('parses labels', () => {
    expect(parseLabels('Strategy, CX Metrics, strategy,,')).toEqual(['strategy', 'cx-metrics']);
  });
});
