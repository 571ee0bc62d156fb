import { renderCommentMarkdown } from './comment-markdown';

describe(renderCommentMarkdown.name, () => {
  it('formats the subset: emphasis, strong, links, inline code and code blocks', () => {
    expect(renderCommentMarkdown('Some *emphasis*, **strong** and `npm test`.')).toBe(
      '<p>Some <em>emphasis</em>, <strong>strong</strong> and <code>npm test</code>.</p>',
    );
    expect(renderCommentMarkdown('See [the study](https://example.org/study).')).toBe(
      '<p>See <a href="https://example.org/study" rel="nofollow ugc noopener">the study</a>.</p>',
    );
    expect(renderCommentMarkdown('```\nif (a < b) {}\n```')).toBe('<pre><code>if (a &lt; b) {}\n</code></pre>');
  });

  it('keeps line breaks as typed, as plain-text comments had them', () => {
    expect(renderCommentMarkdown('Great point.\nSecond line.\n\nNew paragraph.')).toBe(
      '<p>Great point.<br />Second line.</p>\n<p>New paragraph.</p>',
    );
  });

  it('shows raw HTML, headings, images and lists as the characters typed', () => {
    expect(renderCommentMarkdown('Use <b>bold</b> & <i>this</i>')).toBe(
      '<p>Use &lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;this&lt;/i&gt;</p>',
    );
    expect(renderCommentMarkdown('# Shouting')).toBe('<p># Shouting</p>');
    expect(renderCommentMarkdown('![chart](https://example.org/c.png)')).toBe(
      '<p>![chart](https://example.org/c.png)</p>',
    );
    expect(renderCommentMarkdown('- one\n- two')).toBe('<p>- one<br />- two</p>');
  });

  it.each([
    ['<script>alert(1)</script>', /<script/i],
    ['<div>\n<script>alert(1)</script>\n</div>', /<script|<div/i],
    ['<img src=x onerror=alert(1)>', /<img/i],
    ['[click](javascript:alert(1))', /href|<a/i],
    ['[click](JaVaScRiPt:alert(1))', /href|<a/i],
    ['[click](&#106;avascript:alert(1))', /href|<a/i],
    ['[click](data:text/html;base64,PHNjcmlwdD4=)', /href|<a/i],
    ['[click](//evil.example/x)', /href|<a/i],
    ['![x](javascript:alert(1))', /<img/i],
    // Shown as text: the quotes stay, but no tag opens.
    ['<a href="https://ok.example" onclick="alert(1)">x</a>', /<a[\s>]/i],
    ['<svg onload=alert(1)><circle/></svg>', /<svg/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['[x](https://ok.example "title onmouseover=alert(1)")', /title=|onmouseover="/i],
    ['Heading\n=======', /<h1/i],
  ])('lets no markup of %s through', (payload, forbidden) => {
    expect(renderCommentMarkdown(payload)).not.toMatch(forbidden);
  });

  it('keeps the text of a link it drops', () => {
    expect(renderCommentMarkdown('[click here](javascript:alert(1))')).toBe('<p>click here</p>');
  });
});
