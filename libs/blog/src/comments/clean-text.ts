/** Control characters other than tab and newline, and the bidirectional overrides used to disguise text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const UNWANTED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * The same removal without reshaping the text (Markdown keeps its blank lines): a post's fields
 * reach the Atom feed and the sitemap, where a control character makes the XML unreadable.
 */
export function withoutControlCharacters(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').replace(UNWANTED, '');
}

/**
 * Plain text a person typed (a comment, a name), cleaned on the way in: Unicode NFC, newlines
 * unified, invisible control and direction-override characters removed, runs of blank lines
 * shortened, trimmed. It stays plain text, never HTML: pages escape it on the way out.
 */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') {
    return '';
  }
  return value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(UNWANTED, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
