import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from '@roundtable/core';

/** Markdown outside the subset is shown as the characters typed, line breaks kept. */
function asTyped(raw: string): string {
  return `<p>${escapeHtml(raw.trim()).replace(/\n/g, '<br>')}</p>\n`;
}

/**
 * Comments get a small Markdown subset: emphasis, strong, links, inline code and code blocks, with
 * a single newline kept as a line break (comments were plain text with line breaks before). What
 * is outside it is not formatted but shown as typed: raw HTML (`<b>` appears as `<b>`), headings,
 * images, lists, quotes, tables and rules. The parser's output then goes through sanitize-html,
 * as posts' does, with a policy allowing only the subset's tags.
 */
const markdown = new Marked({ gfm: true, breaks: true, async: false });
markdown.use({
  renderer: {
    html: ({ text, block }: Tokens.HTML | Tokens.Tag) => (block ? asTyped(text) : escapeHtml(text)),
    heading: ({ raw }: Tokens.Heading) => asTyped(raw),
    image: ({ raw }: Tokens.Image) => escapeHtml(raw),
    list: ({ raw }: Tokens.List) => asTyped(raw),
    blockquote: ({ raw }: Tokens.Blockquote) => asTyped(raw),
    table: ({ raw }: Tokens.Table) => asTyped(raw),
    hr: ({ raw }: Tokens.Hr) => asTyped(raw),
  },
});

/** A link's address a comment may carry: http(s) or mailto. Anything else loses the link, keeps the text. */
const LINK_SCHEME = /^(https?:\/\/|mailto:)/i;

const POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'code', 'pre', 'a'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links people write are theirs, not the council's: nofollow ugc. A link to anywhere else
    // (javascript:, data:, a relative path) becomes its text (a span, which the policy then drops).
    a: (_tag, attribs): sanitizeHtml.Tag => {
      const href = attribs.href ?? '';
      return LINK_SCHEME.test(href)
        ? { tagName: 'a', attribs: { href, rel: 'nofollow ugc noopener' } }
        : { tagName: 'span', attribs: {} };
    },
  },
};

/** A comment's text (plain text with Markdown) as HTML safe to put in a page as is. Pure. */
export function renderCommentMarkdown(source: string): string {
  return sanitizeHtml(markdown.parse(source) as string, POLICY).trim();
}
