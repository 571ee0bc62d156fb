import { escapeHtml } from '@roundtable/core';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/**
 * A plain-text email body as HTML paragraphs: blank lines separate paragraphs, single line breaks
 * stay, and web addresses become links. Used for emails that have no HTML template of their own,
 * so every email still gets the council's layout.
 */
export function plainTextToHtml(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => {
      let html = '';
      let last = 0;
      for (const match of paragraph.matchAll(URL_PATTERN)) {
        const url = match[0];
        html += escapeHtml(paragraph.slice(last, match.index));
        html += `<a href="${escapeHtml(url)}" style="color:#1f4e8c;">${escapeHtml(url)}</a>`;
        last = (match.index ?? 0) + url.length;
      }
      html += escapeHtml(paragraph.slice(last));
      return `<p style="margin:0 0 16px;">${html.replace(/\n/g, '<br>\n')}</p>`;
    })
    .join('\n');
}
