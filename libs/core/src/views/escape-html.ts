/**
 * The characters Nunjucks' autoescape replaces, and with what (its `escapeMap`), so text escaped in
 * code (an SVG chart, a comment shown as typed, a plain-text email's paragraphs, a value put into a
 * pre-rendered email) reads exactly as if a template had rendered it.
 */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&#39;',
  '<': '&lt;',
  '>': '&gt;',
  '\\': '&#92;',
};

/** Text as HTML (or XML) text or attribute value: the one HTML escaper. */
export function escapeHtml(text: string): string {
  return text.replace(/[&"'<>\\]/g, (character) => ESCAPES[character]);
}
