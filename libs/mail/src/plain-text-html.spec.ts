import { plainTextToHtml } from './plain-text-html';

describe(plainTextToHtml.name, () => {
  it('makes one paragraph per block of text and keeps single line breaks', () => {
    expect(plainTextToHtml('Dear Ada,\n\nLine one\nline two\n')).toBe(
      '<p style="margin:0 0 16px;">Dear Ada,</p>\n<p style="margin:0 0 16px;">Line one<br>\nline two</p>',
    );
  });

  it('escapes markup and turns web addresses into links without their closing punctuation', () => {
    const html = plainTextToHtml('See <b>this</b>: https://example.test/a?b=1&c=2.');
    expect(html).toContain('&lt;b&gt;this&lt;/b&gt;');
    expect(html).toContain('<a href="https://example.test/a?b=1&amp;c=2" style="color:#1f4e8c;">');
    expect(html).toMatch(/<\/a>\.<\/p>$/);
  });

  it('does not link a javascript: address', () => {
    expect(plainTextToHtml('javascript:alert(1)')).not.toContain('<a');
  });
});
